#!/bin/sh
# Builds one libFuzzer binary per fuzz target: Fuzz/.out/<target>-fuzz.
#
# `swift build -Xswiftc -sanitize=fuzzer` does not link on this toolchain, so the library's
# sources are compiled here with swiftc directly, together with one target file, into one
# module: the C targets are compiled with clang and reached through module maps.
#
#   Fuzz/build.sh [xliff|html …]     (default: every target)
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/Fuzz/.out"
mkdir -p "$out/cicu" "$out/modules" "$out/resources/Rules"

# SwiftPM gives the library a resource bundle (`Bundle.module`); here a plain folder stands in.
cp Sources/LocalizationCore/Segmentation/Rules/german.srx "$out/resources/Rules/"

# CICU: a C target over system ICU; compiled once per build, with coverage so the fuzzer also
# sees which ICU-facing paths an input reaches.
objects=""
for source in Sources/CICU/*.c Sources/CICU/*.cpp; do
    object="$out/cicu/$(basename "$source").o"
    case "$source" in
        *.cpp) clang++ -std=c++17 -O2 -fsanitize=fuzzer-no-link,address -I Sources/CICU/include -c "$source" -o "$object" ;;
        *) clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CICU/include -c "$source" -o "$object" ;;
    esac
    objects="$objects $object"
done
cat > "$out/modules/module.modulemap" <<MAP
module CICU {
    header "$root/Sources/CICU/include/cicu.h"
    export *
}
MAP

flags="-parse-as-library -O -sanitize=fuzzer,address -swift-version 6 \
    -enable-upcoming-feature ExistentialAny \
    -enable-upcoming-feature InternalImportsByDefault \
    -enable-upcoming-feature MemberImportVisibility \
    -Xcc -fmodule-map-file=$out/modules/module.modulemap \
    -Xcc -fmodule-map-file=$root/Sources/CLibXML2/module.modulemap \
    -Xcc -fmodule-map-file=$root/Sources/CStemmer/module.modulemap \
    -Xcc -I/usr/include/libxml2"

# The library once, as a static library with its module (the slow part: minutes), unless no
# source changed since the last build.
library="$out/libLocalizationCore.a"
sources=$(find Sources/LocalizationCore Fuzz/Library -name '*.swift' | sort)
if [ ! -f "$library" ] || [ -n "$(find Sources/LocalizationCore Fuzz/Library Fuzz/build.sh -newer "$library" -name '*' -type f | head -1)" ]; then
    echo "building $library" >&2
    # shellcheck disable=SC2086
    swiftc $flags -module-name LocalizationCore -wmo -emit-library -static \
        -emit-module -emit-module-path "$out/modules/LocalizationCore.swiftmodule" \
        $sources -o "$library"
fi

targets=${*:-"xliff html"}
for target in $targets; do
    case "$target" in
        xliff) file=Fuzz/Targets/XLIFFReaderFuzz.swift ;;
        html) file=Fuzz/Targets/HTMLExtractorFuzz.swift ;;
        *) echo "unknown fuzz target: $target (xliff, html)" >&2; exit 2 ;;
    esac
    echo "building $out/$target-fuzz" >&2
    # shellcheck disable=SC2086
    swiftc $flags -module-name "Fuzz_$target" -I "$out/modules" \
        Fuzz/Support/*.swift "$file" \
        "$library" $objects -lxml2 -lstemmer -licui18n -licuuc -lstdc++ \
        -o "$out/$target-fuzz" 2>&1 | { grep -v "Cannot export local symbol '__asan" || true; }
done
