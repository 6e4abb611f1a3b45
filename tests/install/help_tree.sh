# Reads kindling's --help, command by command (sourced by the tests here).
# commands_of PATH...: the subcommands --help lists for that command.
# options_of PATH...: its options, one a line (-h,--help as --help).
help_of() {
  "$kindling" "$@" --help
}
commands_of() {
  help_of "$@" | awk '/^Subcommands:/ {on = 1; next} /^[^ ]/ {on = 0} on && /^  [a-z]/ {print $1}'
}
options_of() {
  help_of "$@" | awk '/^Options:/ {on = 1; next} /^[^ ]/ {on = 0}
    on && /^  -/ {sub(/^-h,/, "", $1); print $1}'
}
# Every command path that does something itself: those with no subcommand of
# their own ("log", "ritual add" …), and those with options of their own
# beside their subcommands ("sync", "sync code" …).
leaf_commands() {
  local top sub
  for top in $(commands_of); do
    local subs
    subs=$(commands_of "$top")
    if [ -z "$subs" ]; then
      echo "$top"
    else
      [ "$(options_of "$top" | grep -vc '^--help$')" -gt 0 ] && echo "$top"
      for sub in $subs; do echo "$top $sub"; done
    fi
  done
}
