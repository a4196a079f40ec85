# fish completion for huiyi: subcommands, their options and values, files,
# and the bodies and people of the database for --body, --person and
# `huiyi people NAME` (asked of huiyi itself: huiyi _complete).
# `make install` puts it in fish's vendor_completions.d.

function __huiyi_names # bodies|people
	set -l db
	set -l words (commandline -opc)
	for i in (seq (count $words))
		if contains -- $words[$i] -d --db; and test $i -lt (count $words)
			set db -d $words[(math $i + 1)]
		end
	end
	huiyi $db _complete $argv[1] (commandline -ct) 2>/dev/null
end

set -l cmds import list show search reindex delete split people trend export config
complete -c huiyi -f
complete -c huiyi -n "not __fish_seen_subcommand_from $cmds" -a "$cmds"
complete -c huiyi -s d -l db -r -F -d 'the database'
complete -c huiyi -l ambiguous -x -a 'auto narrow wide' -d 'ambiguous-width characters'
complete -c huiyi -l theme -x -a 'auto light dark' -d 'the background'
complete -c huiyi -s h -l help -d 'the help'
complete -c huiyi -s V -l version -d 'the version'

complete -c huiyi -n '__fish_seen_subcommand_from import' -F
complete -c huiyi -n '__fish_seen_subcommand_from import' -l encoding -x -a 'utf-8 gb18030 gbk big5 utf-16'
complete -c huiyi -n '__fish_seen_subcommand_from import' -l year -x
complete -c huiyi -n '__fish_seen_subcommand_from import export' -l force
complete -c huiyi -n '__fish_seen_subcommand_from import' -l replace
complete -c huiyi -n '__fish_seen_subcommand_from import' -l follow-links
complete -c huiyi -n '__fish_seen_subcommand_from import' -l no-merge
complete -c huiyi -n '__fish_seen_subcommand_from list search people trend export' -l from -x
complete -c huiyi -n '__fish_seen_subcommand_from list search people trend export' -l to -x
complete -c huiyi -n '__fish_seen_subcommand_from list search people trend export' -l body -x -a '(__huiyi_names bodies)'
complete -c huiyi -n '__fish_seen_subcommand_from list search trend export' -l person -x -a '(__huiyi_names people)'
complete -c huiyi -n '__fish_seen_subcommand_from list show search delete people trend' -l json
complete -c huiyi -n '__fish_seen_subcommand_from show' -l section -x
complete -c huiyi -n '__fish_seen_subcommand_from show' -l format -x -a 'text json md txt'
complete -c huiyi -n '__fish_seen_subcommand_from show' -l script -x -a 'simplified traditional'
complete -c huiyi -n '__fish_seen_subcommand_from search people' -l limit -x
complete -c huiyi -n '__fish_seen_subcommand_from search' -l offset -x
complete -c huiyi -n '__fish_seen_subcommand_from search' -l sort -x -a 'rank date'
complete -c huiyi -n '__fish_seen_subcommand_from people' -l sort -x -a 'count name last'
complete -c huiyi -n '__fish_seen_subcommand_from people' -l place -x
complete -c huiyi -n '__fish_seen_subcommand_from people' -a '(__huiyi_names people)'
complete -c huiyi -n '__fish_seen_subcommand_from trend' -l by -x -a 'month quarter year'
complete -c huiyi -n '__fish_seen_subcommand_from trend' -l share
complete -c huiyi -n '__fish_seen_subcommand_from export' -l format -x -a 'csv jsonl md txt'
complete -c huiyi -n '__fish_seen_subcommand_from export' -l query -x
complete -c huiyi -n '__fish_seen_subcommand_from export' -l out -r -F
complete -c huiyi -n '__fish_seen_subcommand_from export' -l bom
