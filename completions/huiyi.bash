# bash completion for huiyi: subcommands, their options and values, files,
# and the bodies and people of the database for --body, --person and
# `huiyi people NAME` (asked of huiyi itself: huiyi _complete).
# `make install` puts it where bash-completion finds it.
_huiyi() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local cmds="import list show search reindex delete split people trend export config"
	local i cmd="" db=()
	# the subcommand: the first word that is neither an option nor an
	# option's value; -d's value goes on to huiyi _complete
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-d | --db) db=(-d "${COMP_WORDS[i + 1]}"); ((i++)) ;;
		--ambiguous | --theme) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	local IFS=$'\n'
	case $prev in
	-d | --db | --out) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--ambiguous) COMPREPLY=($(compgen -W $'auto\nnarrow\nwide' -- "$cur")); return ;;
	--theme) COMPREPLY=($(compgen -W $'auto\nlight\ndark' -- "$cur")); return ;;
	--script) COMPREPLY=($(compgen -W $'simplified\ntraditional' -- "$cur")); return ;;
	--by) COMPREPLY=($(compgen -W $'month\nquarter\nyear' -- "$cur")); return ;;
	--encoding) COMPREPLY=($(compgen -W $'utf-8\ngb18030\ngbk\nbig5\nutf-16' -- "$cur")); return ;;
	--body) COMPREPLY=($(huiyi "${db[@]}" _complete bodies "$cur" 2>/dev/null)); return ;;
	--person) COMPREPLY=($(huiyi "${db[@]}" _complete people "$cur" 2>/dev/null)); return ;;
	--sort)
		case $cmd in
		search) COMPREPLY=($(compgen -W $'rank\ndate' -- "$cur")) ;;
		people) COMPREPLY=($(compgen -W $'count\nname\nlast' -- "$cur")) ;;
		esac
		return ;;
	--format)
		case $cmd in
		show) COMPREPLY=($(compgen -W $'text\njson\nmd\ntxt' -- "$cur")) ;;
		export) COMPREPLY=($(compgen -W $'csv\njsonl\nmd\ntxt' -- "$cur")) ;;
		esac
		return ;;
	--from | --to | --year | --section | --limit | --offset | --query | --place) return ;;
	esac
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "${cmds// /$'\n'}"$'\n-d\n--db\n--ambiguous\n--theme\n--force\n--help\n--version' -- "$cur"))
		return
	fi
	local opts=""
	case $cmd in
	import) opts="--encoding --year --force --replace --follow-links --no-merge" ;;
	list) opts="--from --to --body --person --json" ;;
	show) opts="--section --json --format --script" ;;
	search) opts="--limit --offset --sort --from --to --body --person --json" ;;
	delete) opts="--json" ;;
	people) opts="--sort --body --from --to --limit --place --json" ;;
	trend) opts="--by --from --to --body --person --share --json" ;;
	export) opts="--format --from --to --body --person --query --out --bom --force" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "${opts// /$'\n'}" -- "$cur"))
	elif [ "$cmd" = import ]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	elif [ "$cmd" = people ]; then
		COMPREPLY=($(huiyi "${db[@]}" _complete people "$cur" 2>/dev/null))
	fi
}
complete -o filenames -F _huiyi huiyi
