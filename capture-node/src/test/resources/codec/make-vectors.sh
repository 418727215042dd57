#!/usr/bin/env bash
# Makes the codec reference vectors used by G722DecoderTest, OpusAudioDecoderTest and the media
# integration tests. Run from this directory with Debian's ffmpeg (5.1 here: `ffmpeg -version`);
# the tests read only the files written here and never run ffmpeg themselves.
#
#   chirp16k.g722         G.722 (64 kbit/s) of a 2 s 16 kHz sweep 100 Hz -> 7.5 kHz plus a tone
#   chirp16k.g722.s16le   ffmpeg's decoding of it: 16 kHz mono, signed 16-bit little-endian
#   tone5k.g722           G.722 of a 2 s 5 kHz tone (wide-band only: above 4 kHz)
#   chirp48k.opus         Ogg Opus (libopus, 20 ms frames, 32 kbit/s) of a 1 s 48 kHz sweep + tone
#   chirp48k.opus.s16le   ffmpeg's libopus decoding of it: 48 kHz mono s16le, pre-skip removed
set -euo pipefail
cd "$(dirname "$0")"
ff=(ffmpeg -hide_banner -loglevel error -y)

"${ff[@]}" -f lavfi -i "aevalsrc=0.35*sin(2*PI*(100*t+1850*t*t))+0.15*sin(2*PI*440*t):s=16000:d=2" \
  -ac 1 -c:a g722 -f g722 chirp16k.g722
"${ff[@]}" -f g722 -i chirp16k.g722 -f s16le -c:a pcm_s16le chirp16k.g722.s16le

"${ff[@]}" -f lavfi -i "aevalsrc=0.5*sin(2*PI*5000*t):s=16000:d=2" \
  -ac 1 -c:a g722 -f g722 tone5k.g722

"${ff[@]}" -f lavfi -i "aevalsrc=0.35*sin(2*PI*(100*t+3950*t*t))+0.15*sin(2*PI*440*t):s=48000:d=1" \
  -ac 1 -c:a libopus -b:a 32k -frame_duration 20 -application voip -f ogg chirp48k.opus
"${ff[@]}" -c:a libopus -i chirp48k.opus -ac 1 -ar 48000 -f s16le -c:a pcm_s16le chirp48k.opus.s16le

sha256sum chirp16k.g722 chirp16k.g722.s16le tone5k.g722 chirp48k.opus chirp48k.opus.s16le > SHA256SUMS
