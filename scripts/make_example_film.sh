#!/bin/sh
# Makes the example film of the film group (content/media/filmgroep.mp4) from the drawn garden
# (content/media/moestuin.jpg) and a Dutch voice: espeak-ng and ffmpeg from Debian
# (apt-get install espeak-ng ffmpeg). The captions in content/media/filmgroep.nl.vtt follow these
# four sentences. No metadata goes into the file (-map_metadata -1, bitexact).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
espeak-ng -v nl -s 140 -w "$tmp/stem.wav" \
  "Wij zijn de filmgroep van De Kweektuin. Wij maken films over ons werk in de moestuin. In de zomer oogsten we tomaten en sla. Kijk maar mee."
ffmpeg -y -v error -loop 1 -i content/media/moestuin.jpg -i "$tmp/stem.wav" \
  -filter_complex "[0:v]scale=1920:-2,zoompan=z='min(zoom+0.0006,1.2)':d=300:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=640x360:fps=25,format=yuv420p[v]" \
  -map "[v]" -map 1:a -c:v libx264 -profile:v baseline -crf 30 -preset veryfast -c:a aac -b:a 48k -t 11.5 \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -movflags +faststart \
  content/media/filmgroep.mp4
rm -r "$tmp"
