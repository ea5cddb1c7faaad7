// PerfectFrame's page: starts jobs through the JSON API, polls GET / for progress, and shows an output folder's
// pictures from its manifest (GET /gallery). Plain JavaScript, no build step, nothing loaded from elsewhere.
'use strict';

const $ = (id) => document.getElementById(id);
const FIELDS = ['input_directory', 'output_directory', 'recursive', 'all_frames', 'compering_group_size',
  'quality_gate', 'per_shot', 'shot_drift', 'distinct', 'top', 'samples_csv', 'top_images_percent',
  'images_output_format', 'strip_location'];
const BEST_FRAMES_ONLY = ['all_frames', 'compering_group_size', 'quality_gate', 'per_shot', 'shot_drift', 'distinct',
  'top', 'samples_csv'];
const TOP_IMAGES_ONLY = ['top_images_percent'];

const state = {
  defaults: { input_directory: '', output_directory: '' },
  watchedOutput: null, // the output folder of the job this page started, shown when it ends
  wasRunning: false,
  gallery: null,       // { folder, pictures }
  order: [],           // the pictures in the order shown
  selected: new Set(),
  viewing: -1,
};

// ---- Start a job ---------------------------------------------------------------------------------------------

function showExtractorOptions() {
  const extractor = $('extractor').value;
  document.querySelectorAll('fieldset.options').forEach((set) => {
    set.hidden = set.dataset.for !== extractor;
  });
}

function clearErrors() {
  FIELDS.forEach((f) => {
    $('error-' + f).textContent = '';
    const input = $(f);
    if (input) input.removeAttribute('aria-invalid');
  });
  $('form-error').textContent = '';
}

function showFieldError(field, message) {
  const slot = $('error-' + field);
  slot.textContent = slot.textContent ? slot.textContent + ' ' + message : message;
  const input = $(field);
  if (input) input.setAttribute('aria-invalid', 'true');
}

/** Puts each part of the API's problem detail next to the field it names; the rest under the Start button. */
function showProblem(problem) {
  const detail = problem.detail || problem.error || 'The job could not be started.';
  const parts = detail.split('; ');
  let placed = false;
  for (const part of parts) {
    let best = null;
    let bestAt = Infinity;
    for (const field of FIELDS) {
      const at = part.search(new RegExp("(^|[^a-z_])'?" + field + "('|\\b)"));
      if (at >= 0 && at < bestAt) { best = field; bestAt = at; }
    }
    if (best && !/^Unknown field/.test(part)) {
      showFieldError(best, sentence(part));
      placed = true;
    } else {
      $('form-error').textContent += (problem.error ? problem.error + ': ' : '') + sentence(part) + ' ';
    }
  }
  if (placed && !$('form-error').textContent) {
    $('form-error').textContent = 'Please correct the fields marked above.';
  }
}

function sentence(text) {
  text = text.trim();
  return /[.!?]$/.test(text) ? text : text + '.';
}

function requestBody() {
  const extractor = $('extractor').value;
  const body = {};
  const text = (id) => { const v = $(id).value.trim(); if (v) body[id] = v; };
  const number = (id) => {
    const input = $(id);
    if (input.validity && input.validity.badInput) {
      showFieldError(id, 'must be a number.');
      return false;
    }
    if (input.value.trim() !== '') body[id] = Number(input.value);
    return true;
  };
  text('input_directory');
  text('output_directory');
  body.images_output_format = $('images_output_format').value;
  body.recursive = $('recursive').checked;
  body.strip_location = $('strip_location').checked;
  let ok = true;
  if (extractor === 'best_frames_extractor') {
    body.all_frames = $('all_frames').checked;
    ok = number('compering_group_size') && ok;
    body.quality_gate = $('quality_gate').checked;
    body.per_shot = $('per_shot').checked;
    ok = number('shot_drift') && ok;
    if ($('distinct').value) body.distinct = $('distinct').value === 'true';
    ok = number('top') && ok;
    body.samples_csv = $('samples_csv').checked;
  } else {
    ok = number('top_images_percent') && ok;
  }
  return ok ? body : null;
}

async function startJob(event) {
  event.preventDefault();
  clearErrors();
  const body = requestBody();
  if (!body) return;
  const extractor = $('extractor').value;
  $('start').disabled = true;
  try {
    const response = await fetch('/extractors/' + encodeURIComponent(extractor), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      showProblem(answer);
      return;
    }
    state.watchedOutput = body.output_directory || state.defaults.output_directory;
    sessionStorage.setItem('watchedOutput', state.watchedOutput);
    $('form-error').textContent = '';
    pollSoon(100);
  } catch (e) {
    $('form-error').textContent = 'The service cannot be reached: ' + e.message;
  } finally {
    $('start').disabled = false;
  }
}

/**
 * Gives the number fields the ranges the service checks, read from its OpenAPI description (whose ranges are the
 * core's constants), so the page states no limit of its own. Without it the fields take any number and the service
 * names the one out of range.
 */
async function loadLimits() {
  try {
    const response = await fetch('/v3/api-docs', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const docs = await response.json();
    const body = docs.components && docs.components.schemas && docs.components.schemas.ExtractorRequestBody;
    const properties = (body && body.properties) || {};
    document.querySelectorAll('#job-form input[type=number]').forEach((input) => {
      const field = properties[input.name];
      if (!field) return;
      const min = typeof field.minimum === 'number' ? field.minimum : field.exclusiveMinimum;
      const max = typeof field.maximum === 'number' ? field.maximum : field.exclusiveMaximum;
      if (typeof min === 'number') input.min = String(min);
      if (typeof max === 'number') input.max = String(max);
    });
  } catch (e) {
    // The service checks every value anyway.
  }
}

async function loadFolders() {
  try {
    const response = await fetch('/folders', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const folders = await response.json();
    state.defaults = { input_directory: folders.input_directory, output_directory: folders.output_directory };
    $('input_directory').placeholder = folders.input_directory;
    $('output_directory').placeholder = folders.output_directory;
    $('gallery-folder').placeholder = folders.output_directory;
    fillList('folder-list', folders.folders.map((f) => f.path));
    fillList('gallery-folder-list', folders.folders.filter((f) => f.has_manifest).map((f) => f.path));
  } catch (e) {
    // The suggestions are a convenience; typing a folder still works.
  }
}

function fillList(id, values) {
  const list = $(id);
  list.replaceChildren(...values.map((v) => { const o = document.createElement('option'); o.value = v; return o; }));
}

// ---- Watch it ------------------------------------------------------------------------------------------------

let pollTimer = null;

function pollSoon(delay) {
  clearTimeout(pollTimer);
  pollTimer = setTimeout(poll, delay);
}

async function poll() {
  let running = false;
  try {
    const response = await fetch('/', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const status = await response.json();
    running = !!status.job;
    const warnings = status.warnings || [];
    $('warnings').hidden = warnings.length === 0;
    $('warnings').textContent = warnings.join(' ');
    showJob(status.job || status.last_job);
    if (state.wasRunning && !running && status.last_job && state.watchedOutput !== null) {
      $('gallery-folder').value = state.watchedOutput;
      loadGallery();
    }
    state.wasRunning = running;
  } catch (e) {
    $('state').textContent = 'The service cannot be reached; retrying…';
  }
  pollSoon(running ? 500 : 2000);
}

function showJob(job) {
  const stateLine = $('state');
  if (!job) {
    stateLine.textContent = 'No job has run yet.';
    stateLine.className = 'state';
    return;
  }
  const names = { best_frames_extractor: 'Best frames', top_images_extractor: 'Top images' };
  stateLine.textContent = (names[job.extractor] || job.extractor) + ': ' + job.state;
  stateLine.className = 'state ' + job.state;
  $('bar').value = job.percent || 0;
  $('bar').textContent = (job.percent || 0) + ' %';
  $('current-file').textContent = job.current_file || '–';
  $('files').textContent = job.files_done + ' of ' + job.files_total;
  $('samples').textContent = job.samples_total
    ? job.samples_done + ' of ' + job.samples_total + ' in this file (' + job.total_samples + ' in all)'
    : String(job.total_samples);
  $('pictures').textContent = String(job.pictures_written);
  $('elapsed').textContent = duration(job.elapsed_seconds);
  $('eta').textContent = job.state === 'running' && job.percent > 0 && job.percent < 100
    ? duration(job.elapsed_seconds * (100 - job.percent) / job.percent)
    : '–';
  $('summary').hidden = !job.summary;
  $('summary').textContent = job.summary || '';
  $('job-error').hidden = !job.error;
  $('job-error').textContent = job.error ? 'The job failed: ' + job.error : '';
  const problems = (job.errors || []).map((p) => p.file + (p.stage ? ' (' + p.stage + ')' : '') + ': ' + p.error)
    .concat((job.notes || []).map((n) => n.file + ': ' + n.note));
  $('problems').hidden = problems.length === 0;
  $('errors').replaceChildren(...problems.map((t) => { const li = document.createElement('li'); li.textContent = t; return li; }));
}

function duration(seconds) {
  seconds = Math.max(0, Math.round(seconds || 0));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + s + ' s';
}

// ---- Browse results ------------------------------------------------------------------------------------------

function query(file) {
  const params = new URLSearchParams({ folder: state.gallery.folder });
  if (file !== undefined) params.set('file', file);
  return params.toString();
}

async function loadGallery(event) {
  if (event) event.preventDefault();
  const folder = $('gallery-folder').value.trim();
  $('gallery-message').textContent = 'Loading…';
  const page = await fetchPage(folder, 0);
  if (!page) return;
  state.gallery = page;
  state.selected.clear();
  showGalleryMessage();
  render();
  loadSamples();
}

/** One page of the gallery in the chosen order (the service sorts; a page holds at most 500 pictures). */
async function fetchPage(folder, offset) {
  try {
    const params = new URLSearchParams({ folder, offset: String(offset), order: $('sort').value });
    const response = await fetch('/gallery?' + params, { headers: { Accept: 'application/json' } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      state.gallery = null;
      $('gallery').replaceChildren();
      $('gallery-message').textContent = answer.detail || 'This folder cannot be shown.';
      $('more').hidden = true;
      updateSelection();
      return null;
    }
    answer.next = offset + answer.limit;
    return answer;
  } catch (e) {
    $('gallery-message').textContent = 'The service cannot be reached: ' + e.message;
    return null;
  }
}

async function loadMore() {
  if (!state.gallery) return;
  const page = await fetchPage(state.gallery.folder, state.gallery.next);
  if (!page) return;
  state.gallery.pictures = state.gallery.pictures.concat(page.pictures);
  state.gallery.missing += page.missing;
  state.gallery.next = page.next;
  state.gallery.total = page.total;
  showGalleryMessage();
  render();
}

const ORDER_WORDS = { score: 'best first', time: 'in order', captured: 'earliest taken first' };

function showGalleryMessage() {
  const g = state.gallery;
  const shown = g.pictures.length;
  const more = g.next < g.total;
  $('gallery-message').textContent = shown + (shown === 1 ? ' picture' : ' pictures') + ' in ' + g.folder
    + (more ? ', of ' + g.total + ' listed (' + ORDER_WORDS[$('sort').value] + ')' : '')
    + (g.missing ? ' (' + g.missing + ' listed in the manifest are no longer there)' : '')
    + (g.unreadable ? '; ' + g.unreadable + ' rows of the manifest could not be read' : '')
    + (g.truncated ? '; the manifest lists more pictures than the gallery reads' : '') + '.';
  $('more').hidden = !more;
}

/**
 * Frames of one video together; photos (no time in a video) together. By capture time: one timeline of every
 * picture, in the service's order (earliest first, those that do not say when they were taken at the end), page after
 * page.
 */
function groups(pictures) {
  const score = (p) => (typeof p.score === 'number' ? p.score : -Infinity);
  if ($('sort').value === 'captured') {
    const items = [...pictures];
    return [{ key: '', title: 'By capture time', items, best: Math.max(...items.map(score)) }];
  }
  const byKey = new Map();
  for (const p of pictures) {
    const key = p.timestamp ? p.source : '';
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(p);
  }
  const sortBy = $('sort').value;
  const list = [...byKey.entries()].map(([key, items]) => {
    items.sort(sortBy === 'score'
      ? (a, b) => score(b) - score(a) || (a.seconds ?? 0) - (b.seconds ?? 0)
      : (a, b) => (a.seconds ?? 0) - (b.seconds ?? 0) || a.file.localeCompare(b.file));
    return { key, items, best: Math.max(...items.map(score)) };
  });
  list.sort(sortBy === 'score' ? (a, b) => b.best - a.best || a.key.localeCompare(b.key)
    : (a, b) => a.key.localeCompare(b.key));
  return list;
}

function render() {
  const container = $('gallery');
  state.order = [];
  const sections = groups(state.gallery.pictures).map((group) => {
    const section = document.createElement('section');
    section.className = 'group';
    section.dataset.source = group.key;
    const title = document.createElement('h3');
    title.textContent = group.title || group.key || 'Photos';
    const info = document.createElement('span');
    info.className = 'muted';
    info.textContent = ' · ' + group.items.length + (group.items.length === 1 ? ' picture' : ' pictures')
      + (isFinite(group.best) ? ' · best ' + group.best.toFixed(2) : '');
    title.append(info);
    section.append(title);
    const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    chart.classList.add('chart');
    chart.dataset.source = group.key;
    chart.hidden = true;
    section.append(chart);
    const list = document.createElement('ul');
    list.className = 'tiles';
    for (const picture of group.items) {
      list.append(tile(picture, state.order.length));
      state.order.push(picture);
    }
    section.append(list);
    return section;
  });
  container.replaceChildren(...sections);
  drawCharts();
  updateSelection();
}

function tile(picture, index) {
  const item = document.createElement('li');
  const figure = document.createElement('figure');
  figure.className = 'tile';
  figure.dataset.file = picture.file;
  figure.dataset.index = index;
  if (typeof picture.score === 'number') figure.dataset.score = picture.score.toFixed(4);
  if (picture.seconds != null) figure.dataset.seconds = String(picture.seconds);
  const pick = document.createElement('input');
  pick.type = 'checkbox';
  pick.className = 'pick';
  pick.tabIndex = -1;
  pick.setAttribute('aria-label', 'Select ' + picture.file);
  pick.addEventListener('change', () => toggle(picture.file, pick.checked));
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'thumb';
  button.setAttribute('aria-label', describe(picture));
  const img = document.createElement('img');
  img.loading = 'lazy';
  img.decoding = 'async';
  img.alt = picture.file;
  img.width = 320;
  img.height = 240;
  img.src = '/gallery/thumbnail?' + query(picture.file);
  button.append(img);
  button.addEventListener('click', () => openViewer(index));
  button.addEventListener('keydown', (e) => onTileKey(e, index));
  const caption = document.createElement('figcaption');
  const score = document.createElement('span');
  score.className = 'score';
  score.textContent = typeof picture.score === 'number' ? picture.score.toFixed(2) : 'unscored';
  const when = document.createElement('span');
  when.className = 'when';
  when.textContent = picture.timestamp ? picture.timestamp.replace(/-/g, ':') : picture.source;
  when.title = picture.file + ' · ' + picture.source + (picture.captured_at ? ' · taken ' + picture.captured_at : '');
  const taken = document.createElement('span');
  taken.className = 'captured muted';
  taken.textContent = picture.captured_at ? picture.captured_at.replace('T', ' ').replace(/\.\d+/, '') : '';
  caption.append(score, when, taken);
  figure.append(pick, button, caption);
  item.append(figure);
  return item;
}

function describe(p) {
  return p.file + ', score ' + (typeof p.score === 'number' ? p.score.toFixed(2) : 'none') + ', from ' + p.source
    + (p.timestamp ? ' at ' + p.timestamp.replace(/-/g, ':') : '')
    + (p.captured_at ? ', taken ' + p.captured_at : '');
}

function thumbButton(index) {
  return document.querySelector('.tile[data-index="' + index + '"] .thumb');
}

/** Arrow keys move between pictures (up and down by a row), Enter opens one, Space selects it. */
function onTileKey(event, index) {
  let target = null;
  if (event.key === 'ArrowRight') target = index + 1;
  else if (event.key === 'ArrowLeft') target = index - 1;
  else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') target = rowNeighbour(index, event.key === 'ArrowDown');
  else if (event.key === 'Home') target = 0;
  else if (event.key === 'End') target = state.order.length - 1;
  else if (event.key === ' ') {
    event.preventDefault();
    const file = state.order[index].file;
    toggle(file, !state.selected.has(file));
    return;
  } else return;
  event.preventDefault();
  if (target !== null && target >= 0 && target < state.order.length) thumbButton(target).focus();
}

function rowNeighbour(index, down) {
  const here = thumbButton(index).getBoundingClientRect();
  let best = null;
  let bestDistance = Infinity;
  for (let i = 0; i < state.order.length; i++) {
    const box = thumbButton(i).getBoundingClientRect();
    const ahead = down ? box.top > here.top + 1 : box.top < here.top - 1;
    if (!ahead) continue;
    const distance = Math.abs(box.top - here.top) * 10000 + Math.abs(box.left - here.left);
    if (distance < bestDistance) { best = i; bestDistance = distance; }
  }
  return best;
}

function toggle(file, on) {
  if (on) state.selected.add(file); else state.selected.delete(file);
  updateSelection();
}

function updateSelection() {
  document.querySelectorAll('.tile').forEach((t) => {
    const on = state.selected.has(t.dataset.file);
    t.classList.toggle('selected', on);
    t.querySelector('.pick').checked = on;
  });
  const n = state.selected.size;
  $('selection-count').textContent = state.gallery ? n + ' selected' : '';
  $('download').disabled = n === 0;
  if (state.viewing >= 0) {
    $('viewer-select').textContent = state.selected.has(state.order[state.viewing].file) ? 'Unselect' : 'Select';
  }
}

/**
 * Posts the selection as one form field holding JSON (so that the browser downloads the zip itself, and so that
 * thousands of names are one parameter, not thousands); a selection larger than the service accepts is told here.
 */
function downloadZip() {
  const files = state.order.filter((p) => state.selected.has(p.file)).map((p) => p.file);
  const selection = JSON.stringify({ folder: state.gallery.folder, files });
  const size = new URLSearchParams({ selection }).toString().length;
  if (size > state.gallery.zip_limit_bytes) {
    $('gallery-message').textContent = 'Too many pictures for one zip: ' + files.length + ' selected take '
      + Math.ceil(size / 1024) + ' KB, the most is ' + Math.floor(state.gallery.zip_limit_bytes / 1024)
      + ' KB. Select fewer, and download the rest in another zip.';
    return;
  }
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/gallery/zip';
  form.hidden = true;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'selection';
  input.value = selection;
  form.append(input);
  document.body.append(form);
  form.submit();
  form.remove();
}

// ---- Score over time (from samples.csv, when the job wrote one) ----------------------------------------------

async function loadSamples() {
  state.samples = null;
  try {
    const response = await fetch('/gallery/samples?' + query(), { headers: { Accept: 'application/json' } });
    if (response.ok) {
      state.samples = await response.json();
      drawCharts();
    }
  } catch (e) {
    // No chart then.
  }
}

function drawCharts() {
  if (!state.samples || !state.gallery) return;
  const byVideo = new Map();
  for (const s of state.samples.samples) {
    if (typeof s.score !== 'number') continue;
    if (!byVideo.has(s.video)) byVideo.set(s.video, []);
    byVideo.get(s.video).push(s);
  }
  document.querySelectorAll('svg.chart').forEach((svg) => {
    const samples = byVideo.get(svg.dataset.source);
    if (!samples || samples.length < 2) return;
    chart(svg, samples);
    svg.hidden = false;
  });
}

function chart(svg, samples) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 900, height = 120, left = 28, bottom = 16;
  const tMax = Math.max(...samples.map((s) => s.seconds)) || 1;
  const lo = Math.floor(Math.min(...samples.map((s) => s.score)));
  const hi = Math.ceil(Math.max(...samples.map((s) => s.score)));
  const span = Math.max(1e-6, hi - lo);
  const x = (t) => left + (width - left - 6) * t / tMax;
  const y = (v) => 6 + (height - bottom - 6) * (1 - (v - lo) / span);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'NIMA score over time; kept frames and shot boundaries marked');
  const el = (name, attrs, text) => {
    const e = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const parts = [
    el('line', { class: 'axis', x1: left, y1: height - bottom, x2: width, y2: height - bottom }),
    el('text', { x: 0, y: 12 }, String(hi)),
    el('text', { x: 0, y: height - bottom }, String(lo)),
    el('text', { x: width - 40, y: height - 2 }, duration(tMax)),
    el('polyline', { class: 'line', points: samples.map((s) => x(s.seconds) + ',' + y(s.score)).join(' ') }),
  ];
  // A shot boundary: a dashed line halfway between the last sample of a shot and the first of the next.
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1], after = samples[i];
    if (before.shot == null || after.shot == null || before.shot === after.shot) continue;
    const at = x((before.seconds + after.seconds) / 2);
    parts.push(el('line', { class: 'shot', x1: at, y1: 4, x2: at, y2: height - bottom },
      undefined));
  }
  for (const s of samples.filter((s) => s.transition)) {
    parts.push(el('circle', { class: 'transition', cx: x(s.seconds), cy: y(s.score), r: 2.5 }, undefined));
  }
  for (const s of samples.filter((s) => s.kept)) {
    parts.push(el('circle', { class: 'kept', cx: x(s.seconds), cy: y(s.score), r: 3.5 },
      undefined));
  }
  svg.replaceChildren(...parts);
}

// ---- The viewer ----------------------------------------------------------------------------------------------

function openViewer(index) {
  state.viewing = index;
  const picture = state.order[index];
  const url = '/gallery/picture?' + query(picture.file);
  $('viewer-img').src = url;
  $('viewer-img').alt = describe(picture);
  $('viewer-open').href = url;
  $('viewer-caption').textContent = describe(picture);
  updateSelection();
  if (!$('viewer').open) $('viewer').showModal();
}

function moveViewer(step) {
  const next = state.viewing + step;
  if (next >= 0 && next < state.order.length) openViewer(next);
}

function closeViewer() {
  $('viewer').close();
}

// ---- Wiring --------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('extractor').addEventListener('change', showExtractorOptions);
  $('job-form').addEventListener('submit', startJob);
  $('gallery-form').addEventListener('submit', loadGallery);
  $('sort').addEventListener('change', () => { if (state.gallery) { $('gallery-folder').value = state.gallery.folder; loadGallery(); } });
  $('more').addEventListener('click', loadMore);
  $('select-all').addEventListener('click', () => { state.order.forEach((p) => state.selected.add(p.file)); updateSelection(); });
  $('select-none').addEventListener('click', () => { state.selected.clear(); updateSelection(); });
  $('download').addEventListener('click', downloadZip);
  $('viewer-prev').addEventListener('click', () => moveViewer(-1));
  $('viewer-next').addEventListener('click', () => moveViewer(1));
  $('viewer-close').addEventListener('click', closeViewer);
  $('viewer-select').addEventListener('click', () => {
    const file = state.order[state.viewing].file;
    toggle(file, !state.selected.has(file));
  });
  $('viewer').addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') { e.preventDefault(); moveViewer(1); }
    if (e.key === 'ArrowLeft') { e.preventDefault(); moveViewer(-1); }
  });
  $('viewer').addEventListener('close', () => {
    const index = state.viewing;
    state.viewing = -1;
    if (index >= 0 && thumbButton(index)) thumbButton(index).focus();
  });
  showExtractorOptions();
  state.watchedOutput = sessionStorage.getItem('watchedOutput');
  loadFolders();
  loadLimits();
  poll();
});
