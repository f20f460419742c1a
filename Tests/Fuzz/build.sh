#!/usr/bin/env bash
# Builds the libFuzzer harness for the XLSX reader (Linux): the Spreadsheet, Interop and XLSX
# modules and FuzzXLSXReader.swift, compiled with -sanitize=fuzzer,address into
# .build/fuzz/fuzz-xlsx. Not part of `swift build`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${FUZZ_BUILD:-$ROOT/.build/fuzz}
mkdir -p "$OUT"
XMLINC=$(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g')
# shellcheck disable=SC2206
FLAGS=(-swift-version 6 -O -g -sanitize=fuzzer,address -parse-as-library -package-name redthread
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault
  -I "$OUT" -I "$ROOT/Sources/CLibXML2" -I "$ROOT/Sources/CLibZip" -I "$ROOT/Sources/CZlib"
  $XMLINC)
module() { # name, sources...
  local name=$1
  shift
  swiftc "${FLAGS[@]}" -module-name "$name" -wmo -num-threads 0 -emit-module \
    -emit-module-path "$OUT/$name.swiftmodule" -c "$@" -o "$OUT/$name.o"
}
module Spreadsheet "$ROOT"/Sources/Spreadsheet/*.swift
module Interop $(find "$ROOT/Sources/Interop" -name '*.swift' | sort)
module XLSX $(find "$ROOT/Sources/XLSX" -name '*.swift' | sort)
swiftc "${FLAGS[@]}" "$ROOT/Tests/Fuzz/FuzzXLSXReader.swift" "$OUT/Spreadsheet.o" \
  "$OUT/Interop.o" "$OUT/XLSX.o" -use-ld=lld -lxml2 -lzip -lz -lm -o "$OUT/fuzz-xlsx"
echo "$OUT/fuzz-xlsx"
