# Types a command line and TAB into a real interactive zsh (in a pseudo-terminal) that has loaded
# the completion, and prints what zsh showed: the completed line and any list of choices.
# Usage: zsh -f zsh-complete.zsh DIR LINE    (DIR holds the _charton completion function)
zmodload zsh/zpty
zpty shell 'TERM=dumb zsh -f -i'
zpty -w shell "PS1='%% '; fpath=(${(q)1} \$fpath); autoload -U compinit && compinit -u -D; echo LOADED\$((1+1))"
zpty -r shell setup '*LOADED2*'
# Keys typed before the line editor shows its prompt would be taken as plain text.
zpty -r shell setup '*% *'
# zsh reads keys in order: the TAB's completion is done before the line is cleared (Ctrl-U) and the
# marker command runs. The marker is typed as DONE$((1+1)) so only its output reads DONE2.
zpty -n -w shell "$2"$'\t'$'\C-u'"echo DONE\$((1+1))"$'\n'
zpty -r shell shown '*DONE2*'
zpty -d shell
print -r -- "${shown//$'\r'/}"
