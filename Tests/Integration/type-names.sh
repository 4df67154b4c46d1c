#!/usr/bin/env bash
# Lists every top-level type name declared in more than one module of Sources/, and every type
# named like a module: each is a name a reader (or the compiler, when a module name qualifies a
# type) can take for the other. Prints nothing and exits 0 when every name is unique.
# Run from the repository's root: bash Tests/Integration/type-names.sh
set -euo pipefail
declared=$(for dir in Sources/*/; do
    module=$(basename "$dir")
    grep -rhoE '^(public |package |public final |final )?(struct|enum|class|actor|protocol) [A-Z][A-Za-z0-9]*' "$dir" --include='*.swift' \
        | awk -v m="$module" '{ print $NF, m }'
done | sort -u)
status=0
for name in $(echo "$declared" | awk '{ print $1 }' | sort | uniq -d); do
    echo "type $name is declared in: $(echo "$declared" | awk -v n="$name" '$1 == n { print $2 }' | tr '\n' ' ')"
    status=1
done
for module in $(ls Sources); do
    if echo "$declared" | awk '{ print $1 }' | grep -qx "$module"; then
        echo "type $module (in $(echo "$declared" | awk -v n="$module" '$1 == n { print $2 }' | tr '\n' ' ')) is named like the module $module"
        status=1
    fi
done
exit $status
