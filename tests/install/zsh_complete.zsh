#!/usr/bin/zsh -f
# usage: zsh_complete.zsh COMPLETIONS_DIR "command line"
# Prints, one per line, the words that zsh's completion system (compinit) offers for the line,
# typed into an interactive zsh on a pseudo-terminal with COMPLETIONS_DIR first in $fpath.
zmodload zsh/zpty
setup=$(mktemp)
trap 'rm -f $setup' EXIT
cat >$setup <<SETUP
PROMPT=
fpath=(${(q)1} \$fpath)
autoload -U compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' insert-tab false
# Every match that reaches compadd is printed after a marker, then the shell exits.
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "\$@"; return; fi
  local -a hits
  builtin compadd -A hits "\$@"
  local hit
  for hit in \$hits; do print -r -- "<match>\$hit"; done
}
comppostfuncs=(finish)
finish() { print -r -- "<end>"; exit }
SETUP
zpty session zsh -f -i
zpty -w session "source ${(q)setup}"
zpty -w -n session "$2"$'\t'
# `zpty -t` only says whether output is waiting, so a slow start (compinit on a loaded machine)
# is waited for until the marker or a deadline, not taken for the end.
output=
zmodload zsh/datetime
deadline=$(( EPOCHREALTIME + 20 ))
while (( EPOCHREALTIME < deadline )); do
  if zpty -r -t session chunk; then
    output+=$chunk
    [[ $output == *'<end>'* ]] && break
  else
    sleep 0.05
  fi
done
zpty -d session
for line in ${(f)output//$'\r'/}; do
  [[ $line == *'<match>'* ]] && print -r -- ${line##*'<match>'}
done
exit 0
