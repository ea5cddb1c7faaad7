#!/bin/sh
# The image's entry point: runs its arguments (java -jar app.jar COMMAND...) as the owner of the output folder.
#
# Bind-mounted folders keep their host owner: whoever runs `docker compose up` (root on many Linux servers, uid
# 1000 on a laptop, a service account elsewhere) owns ./output_directory, and the container must write there and
# rename the processed videos in ./input_directory. Started as root (the default), this script therefore adopts
# the uid and gid of the mounted output folder, adds the groups of the input and models folders, and drops every
# capability before exec'ing java (setpriv, from util-linux, which every Debian/Ubuntu base image has). A folder
# owned by root means running as uid 0 without capabilities: it can write only what root owns, like the caller.
# Started as any other user (`docker run --user`, compose's `user:`), it changes nothing.
# exec keeps java as PID 1, so `docker stop` (SIGTERM) reaches the JVM and its graceful shutdown.
set -eu

if [ "$(id -u)" != 0 ]; then
    exec "$@"
fi

output="${PERFECTFRAME_OUTPUT_DIRECTORY:-/app/output_directory}"
input="${PERFECTFRAME_INPUT_DIRECTORY:-/app/input_directory}"
# The image's own user owns the folders of the image (and the volumes Docker creates from them); a folder owned by
# anyone else was mounted by the caller. The output folder decides, else the input folder, else the models folder
# (e.g. `docker run -v ./models:/app/models IMAGE model download`).
uid="$(id -u perfectframe)"
gid="$(id -g perfectframe)"
for folder in "$output" "$input" /app/models; do
    if [ -d "$folder" ] && [ "$(stat -c %u "$folder")" != "$uid" ]; then
        uid="$(stat -c %u "$folder")"
        gid="$(stat -c %g "$folder")"
        break
    fi
done

groups="$gid"
for folder in "$input" /app/models; do
    if [ -d "$folder" ]; then
        g="$(stat -c %g "$folder")"
        case ",$groups," in *",$g,"*) ;; *) groups="$groups,$g" ;; esac
    fi
done

exec setpriv --reuid="$uid" --regid="$gid" --groups="$groups" \
    --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"
