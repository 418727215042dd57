#!/usr/bin/env bash
# Makes the G.722 test vectors of G722EncoderTest with Debian's ffmpeg (its g722 encoder follows
# ITU-T G.722 without trellis search): 0.5 s of 16 kHz 16-bit PCM (a 440 Hz tone plus a 3 kHz
# tone, so both sub-bands carry signal) and its G.722 encoding.
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg -v error -y -f lavfi -i "aevalsrc=0.3*sin(2*PI*440*t)+0.2*sin(2*PI*3000*t):s=16000:d=0.5" \
  -f s16le -acodec pcm_s16le -ac 1 g722-input.s16le
ffmpeg -v error -y -f s16le -ar 16000 -ac 1 -i g722-input.s16le -acodec g722 -f g722 g722-ffmpeg.g722
