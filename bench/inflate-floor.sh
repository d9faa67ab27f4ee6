#!/usr/bin/env bash
# The floor under lossless ZRLE/Tight decoding: how long the fastest deflate decoders available take to inflate the
# zlib data of one full-frame 1080p ZRLE update (not a test: it records numbers for BENCHMARKS.md).
# Encodes TestPictures.hmi, TestPictures.photo and an ImageMagick plasma fractal with our ZRLE encoder (level 6),
# then times zlib (the JDK Inflater's library), Intel ISA-L and libdeflate over the same bytes in C.
# Usage: bench/inflate-floor.sh   (needs gcc and Debian's zlib1g-dev, libisal-dev, libdeflate-dev, imagemagick)
set -euo pipefail
cd "$(dirname "$0")/.."
for h in zlib.h isa-l/igzip_lib.h libdeflate.h; do
  [ -f "/usr/include/$h" ] \
    || { echo "inflate-floor.sh: /usr/include/$h is missing (apt-get install zlib1g-dev libisal-dev libdeflate-dev)" >&2; exit 1; }
done
command -v convert >/dev/null || { echo "inflate-floor.sh: needs ImageMagick's convert (apt-get install imagemagick)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -Wall -Wextra -o "$work/inflate-floor" bench/inflate-floor.c -lz -lisal -ldeflate
convert -seed 7 -size 1920x1080 plasma:fractal -blur 0x1 "$work/plasma.png"
./mvnw -q -pl session-viewer -am -Pbenchmarks test-compile exec:exec \
  -Dbench.main=dev.fieldlink.viewer.bench.ZlibStreams -Djmh.args="$work $work/plasma.png"
"$work/inflate-floor" "$work/hmi.zlib" "$work/photo.zlib" "$work/plasma.zlib"
