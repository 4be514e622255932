# Shared by build-cost.sh and client-cost.sh (sourced, not run): timing a
# build with GNU time and reducing the runs to medians.

# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure LABEL RUNS PREPARE-COMMAND BUILD-COMMAND...: runs PREPARE, then
# times BUILD, RUNS times; prints "LABEL<TAB>median seconds<TAB>median peak KB".
measure() {
    local label="$1" count="$2" prepare="$3"
    shift 3
    local samples
    samples="$(mktemp)"
    for _ in $(seq "$count"); do
        eval "$prepare"
        /usr/bin/time -f '%e %M' -o "$samples" -a "$@" >/dev/null 2>&1 || {
            echo "build failed: $*" >&2
            "$@" >&2
            exit 1
        }
    done
    printf '%s\t%s\t%s\n' "$label" "$(awk '{ print $1 }' "$samples" | median)" "$(awk '{ print $2 }' "$samples" | median)"
    rm -f "$samples"
}
