# Quick demo for Windows (started by quick_demo_cpu.bat / quick_demo_gpu.bat): build and start PerfectFrame with
# Docker Compose, extract the best frames of the videos in .\input_directory, follow the job, and say where the
# frames are. Works with the Windows PowerShell 5.1 that ships with Windows 10 and 11.
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File quick_demo.ps1 [-Variant cpu|gpu] [-AllFrames] [-NoCompose]
#
# -AllFrames writes every 1-second sample instead of the best frame of each group (no scoring); -NoCompose uses
# the service already running at -Url instead of building and starting one.
param(
    [ValidateSet('cpu', 'gpu')] [string] $Variant = 'cpu',
    [switch] $AllFrames,
    [switch] $NoCompose,
    [string] $Url = 'http://localhost:8100',
    [int] $HealthTimeout = 300
)
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Fail([string] $message) {
    Write-Host "Error: $message" -ForegroundColor Red
    exit 1
}

foreach ($dir in 'input_directory', 'output_directory', 'models') {
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
}
$videos = @(Get-ChildItem -LiteralPath 'input_directory' -File | Where-Object {
        $_.Extension -match '^\.(mp4|mov|webm|mkv|avi)$' -and $_.Name -notlike 'frames_extracted_*' })
if ($videos.Count -eq 0) {
    Write-Host 'Note: .\input_directory has no video to process (.mp4 .mov .webm .mkv .avi, not yet renamed'
    Write-Host '      frames_extracted_...). Copy some videos there; the job will report that it found none.'
}

if (-not $NoCompose) {
    if (-not (Get-Command docker -ErrorAction SilentlyContinue)) {
        Fail 'Docker is not installed: install Docker Desktop (https://docs.docker.com/desktop/) and start it.'
    }
    Write-Host "Building and starting the $Variant service (the first build takes several minutes)..."
    # One service either way: the GPU override file turns it into the GPU one, so the two never share the port.
    $composeFiles = @('-f', 'docker-compose.yaml')
    if ($Variant -eq 'gpu') { $composeFiles += @('-f', 'docker-compose.gpu.yaml') }
    docker compose @composeFiles up -d --build
    if ($LASTEXITCODE -ne 0) {
        Fail 'docker compose could not start the service (see above). Is Docker Desktop running?'
    }
}

Write-Host -NoNewline "Waiting for $Url/actuator/health "
$deadline = (Get-Date).AddSeconds($HealthTimeout)
while ($true) {
    $health = $null
    try { $health = Invoke-RestMethod -Uri "$Url/actuator/health" -TimeoutSec 5 -UseBasicParsing } catch { }
    if ($health -and $health.status -eq 'UP') { break }
    if ((Get-Date) -gt $deadline) {
        Write-Host ''
        Fail "the service did not become healthy within $HealthTimeout s. Look at its log: docker compose logs"
    }
    Write-Host -NoNewline '.'
    Start-Sleep -Seconds 2
}
Write-Host ' up.'

# The job that was last finished before ours, so that its outcome is not mistaken for ours.
try { $before = Invoke-RestMethod -Uri "$Url/" -UseBasicParsing } catch { Fail "could not reach $Url." }
$previousStart = if ($before.last_job) { $before.last_job.started_at } else { $null }

Write-Host "Starting best_frames_extractor on input_directory (all_frames: $($AllFrames.IsPresent))..."
$body = @{
    input_directory  = 'input_directory'
    output_directory = 'output_directory'
    all_frames       = $AllFrames.IsPresent
} | ConvertTo-Json -Compress
$following = $false
try {
    $answer = Invoke-RestMethod -Method Post -Uri "$Url/extractors/best_frames_extractor" `
        -ContentType 'application/json' -Body $body -UseBasicParsing
    Write-Host $answer.message
} catch {
    $code = $null
    if ($_.Exception.Response) { $code = [int] $_.Exception.Response.StatusCode }
    if ($code -eq 409) {
        Write-Host 'A job is already running; following it.'
        $following = $true
    } else {
        $detail = $_.ErrorDetails.Message
        try { $detail = ($detail | ConvertFrom-Json).detail } catch { }
        Fail "the service refused the job (HTTP $code): $detail"
    }
}

$lastLine = ''
while ($true) {
    try { $status = Invoke-RestMethod -Uri "$Url/" -UseBasicParsing } catch { Fail "lost contact with the service at $Url." }
    if ($null -eq $status.active_extractor) {
        $start = if ($status.last_job) { $status.last_job.started_at } else { $null }
        if ($following -or $start -ne $previousStart) { break }
    } else {
        $job = $status.job
        $line = "$($job.current_file): file $($job.files_done)/$($job.files_total)," +
            " samples $($job.samples_done)/$($job.samples_total)," +
            " pictures written $($job.pictures_written), $($job.percent)%"
        if ($line -ne $lastLine) { Write-Host "  $line" }
        $lastLine = $line
    }
    Start-Sleep -Seconds 2
}

$last = $status.last_job
Write-Host "Job $($last.state): $($last.summary)"
if ($last.state -ne 'succeeded') { Write-Host "  error: $($last.error)" }
foreach ($problem in @($last.errors)) {
    if ($problem) { Write-Host "  $($problem.file): $($problem.error)" }
}
$output = Join-Path $PSScriptRoot 'output_directory'
Write-Host "Frames are in $output (manifest.csv lists them); processed videos were renamed frames_extracted_..."
if (-not $NoCompose) {
    Write-Host "The service keeps running on $Url; stop it with: docker compose down"
}
if ($last.state -eq 'succeeded') { exit 0 } else { exit 1 }
