# Asks the bash completion script what it offers for a command line, as bash does on TAB.
# Usage: bash bash-complete.sh SCRIPT WORD... (the last word is the one being completed; "" for a new one)
script=$1
shift
source "$script"
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
"$(complete -p "$1" | sed -E 's/.* -F ([^ ]+) .*/\1/')" 2>/dev/null
printf '%s\n' "${COMPREPLY[@]}"
