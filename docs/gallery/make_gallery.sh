#!/usr/bin/env bash
# Regenerates the README gallery: one figure per renderer and chart kind, made by charton from the
# repository's example data (examples/weather.csv, examples/sales.csv), 480x320 pixels.
#
#   docs/gallery/make_gallery.sh
#
# matplotlib and seaborn write PNG directly. altair and plotly write their native outputs (Vega-Lite
# JSON and HTML for altair, plotly JSON); their PNG export needs vl-convert-python / kaleido, so when
# chromium is installed the PNGs are screenshots of the HTML pages instead, which carry Vega and
# plotly.js and so draw offline. The altair pages kept here load Vega from a CDN (--html-cdn), a few
# kilobytes each.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
charton="$repo/charton"
weather="$repo/examples/weather.csv"
sales="$repo/examples/sales.csv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# kind | data | options
charts=(
  "line|$weather|--x date --y temp_max --y temp_min --title Daily~temperature"
  "scatter|$weather|--x temp_min --y temp_max --color weather"
  "bar|$sales|--x region --y units --color product"
  "hist|$weather|--x temp_max --bins 24"
  "area|$sales|--x month --y units --color product"
  "box|$weather|--x weather --y wind"
  "heatmap|$sales|--x month --y region --color revenue --agg sum"
)

plot() { # renderer kind data output options...
  local renderer="$1" kind="$2" data="$3" output="$4"
  shift 4
  # Spaces inside an option are written as ~ above, so the options split on spaces.
  local options=()
  for option in "$@"; do options+=("${option//\~/ }"); done
  "$charton" plot "$data" --renderer "$renderer" --kind "$kind" --width 480 --height 320 "${options[@]}" -o "$output"
}

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
screenshot() { # page.html shot.png
  [ -n "$browser" ] || return 0
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --allow-file-access-from-files \
    --window-size=500,340 --screenshot="$2" "file://$1" >/dev/null 2>&1
}

for entry in "${charts[@]}"; do
  IFS='|' read -r kind data options <<<"$entry"
  # shellcheck disable=SC2086  # the options are meant to split into words
  {
    plot matplotlib "$kind" "$data" "$here/matplotlib-$kind.png" $options
    plot seaborn "$kind" "$data" "$here/seaborn-$kind.png" $options
    plot altair "$kind" "$data" "$here/altair-$kind.vl.json" $options
    plot altair "$kind" "$data" "$here/altair-$kind.html" $options --html-cdn
    plot altair "$kind" "$data" "$work/altair-$kind.html" $options
    plot plotly "$kind" "$data" "$here/plotly-$kind.json" $options
    plot plotly "$kind" "$data" "$work/plotly-$kind.html" $options
  }
  screenshot "$work/plotly-$kind.html" "$here/plotly-$kind.png"
  screenshot "$work/altair-$kind.html" "$here/altair-$kind.png"
  echo "gallery: $kind done"
done
[ -n "$browser" ] || echo "gallery: no chromium found, so no screenshots of the altair and plotly pages" >&2
