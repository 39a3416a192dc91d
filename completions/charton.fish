# fish completion for charton, generated from its command model.
# Do not edit: regenerate it (see README.md, "Installing completions and the man page").
complete -c charton -f

# charton
complete -c charton -n '__fish_use_subcommand' -a 'plot' -d 'Render a figure from a CSV, Parquet or Arrow file (or - for standard input)'
complete -c charton -n '__fish_use_subcommand' -a 'shell' -d 'Explore a data file interactively: load it once, then plot, look at it and run Python against it with one warm Python, with completion (commands, options, column names, files) and history'
complete -c charton -n '__fish_use_subcommand' -a 'templates' -d 'List every renderer (built-in ones and template plugins) with its description, formats and whether it can run here'
complete -c charton -n '__fish_use_subcommand' -a 'doctor' -d 'Show which Python charton would use and why, its version, each renderer and output format with its availability and library versions, the Arrow reader, and what to install for what is missing'
complete -c charton -n '__fish_use_subcommand' -a 'help' -d 'Display help information about the specified command'
complete -c charton -n '__fish_use_subcommand' -s v -l verbose -d 'Show stack traces and Python tracebacks when something fails'
complete -c charton -n '__fish_use_subcommand' -s h -l help -d 'Show this help message and exit'
complete -c charton -n '__fish_use_subcommand' -s V -l version -d 'Print version information and exit'

# charton plot
complete -c charton -n '__fish_seen_subcommand_from plot' -s o -l output -r -F -d 'Where to write the figure, or - for standard output'
complete -c charton -n '__fish_seen_subcommand_from plot' -s r -l renderer -x -a 'matplotlib seaborn altair plotly' -d 'matplotlib, seaborn, altair, plotly (default: matplotlib), or a template plugin; \'charton templates\' lists them'
complete -c charton -n '__fish_seen_subcommand_from plot' -s f -l format -x -d 'Figure format: png, svg, pdf, jpg, json or html (default: from the -o extension; png for - or without -o)'
complete -c charton -n '__fish_seen_subcommand_from plot' -s k -l kind -x -d 'line, scatter, bar, hist, area, box or heatmap (default: chosen from the column types)'
complete -c charton -n '__fish_seen_subcommand_from plot' -s x -l x -x -d 'Column for the x axis'
complete -c charton -n '__fish_seen_subcommand_from plot' -s y -l y -x -d 'Column(s) for the y axis; repeatable or comma-separated, one series each'
complete -c charton -n '__fish_seen_subcommand_from plot' -l color -x -d 'Split into one series per value of this column (a heatmap\'s cell value instead)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l facet -x -d 'One panel per value of this column'
complete -c charton -n '__fish_seen_subcommand_from plot' -l title -x -d 'Figure title'
complete -c charton -n '__fish_seen_subcommand_from plot' -l xlabel -x -d 'x axis label (default: the column name)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l ylabel -x -d 'y axis label (default: the column name)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l width -x -d 'Figure width in pixels (default: 800)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l height -x -d 'Figure height in pixels (default: 600)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l dpi -x -d 'Dots per inch: scales text and lines of matplotlib and seaborn figures (default: 100)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l theme -x -d 'The renderer\'s theme or style; light and dark work everywhere (charton templates lists renderers)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l log-x -d 'Logarithmic x axis'
complete -c charton -n '__fish_seen_subcommand_from plot' -l log-y -d 'Logarithmic y axis'
complete -c charton -n '__fish_seen_subcommand_from plot' -l bins -x -d 'Number of histogram bins (default: automatic)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l agg -x -d 'Aggregate y over rows sharing an x: sum, mean, count, min or max'
complete -c charton -n '__fish_seen_subcommand_from plot' -l script -r -F -d 'Run this Python file to make the figure, with df, table and params in scope'
complete -c charton -n '__fish_seen_subcommand_from plot' -l param -x -d 'A parameter for --script or a template renderer (a string in params); repeatable'
complete -c charton -n '__fish_seen_subcommand_from plot' -l templates-dir -r -F -d 'A directory of template plugins: each NAME.py defining render(df, spec) becomes --renderer NAME; repeatable, searched before CHARTON_TEMPLATES'
complete -c charton -n '__fish_seen_subcommand_from plot' -l input-format -x -d 'csv, parquet or arrow, for standard input whose bytes do not tell (default: detected)'
complete -c charton -n '__fish_seen_subcommand_from plot' -s d -l delimiter -x -d 'CSV field delimiter (default: detected among , ; TAB |)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l encoding -x -d 'Text encoding of a CSV file (default: UTF-8)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l null-value -x -d 'A CSV cell text meaning \'no value\'; repeatable'
complete -c charton -n '__fish_seen_subcommand_from plot' -l type -x -d 'Force a CSV column\'s type: boolean, int64, float64, date, timestamp, timestamptz or string; repeatable'
complete -c charton -n '__fish_seen_subcommand_from plot' -l python -r -F -d 'Python interpreter to use (default: CHARTON_PYTHON, an active VIRTUAL_ENV, charton\'s managed environment, python3 on PATH)'
complete -c charton -n '__fish_seen_subcommand_from plot' -l timeout -x -d 'Stop Python when a render takes longer (default: 300; 0 for no limit)'
complete -c charton -n '__fish_seen_subcommand_from plot' -s h -l help -d 'Show this help message and exit'
complete -c charton -n '__fish_seen_subcommand_from plot' -s V -l version -d 'Print version information and exit'
complete -c charton -n '__fish_seen_subcommand_from plot' -s v -l verbose -d 'Show stack traces and Python tracebacks when something fails'
complete -c charton -n '__fish_seen_subcommand_from plot' -F

# charton shell
complete -c charton -n '__fish_seen_subcommand_from shell' -s r -l renderer -x -a 'matplotlib seaborn altair plotly' -d 'matplotlib, seaborn, altair, plotly (default: matplotlib), or a template plugin; \'charton templates\' lists them'
complete -c charton -n '__fish_seen_subcommand_from shell' -s f -l format -x -d 'Figure format: png, svg, pdf, jpg, json or html (default: from the -o extension; png for - or without -o)'
complete -c charton -n '__fish_seen_subcommand_from shell' -l templates-dir -r -F -d 'A directory of template plugins: each NAME.py defining render(df, spec) becomes --renderer NAME; repeatable, searched before CHARTON_TEMPLATES'
complete -c charton -n '__fish_seen_subcommand_from shell' -l input-format -x -d 'csv, parquet or arrow, for standard input whose bytes do not tell (default: detected)'
complete -c charton -n '__fish_seen_subcommand_from shell' -s d -l delimiter -x -d 'CSV field delimiter (default: detected among , ; TAB |)'
complete -c charton -n '__fish_seen_subcommand_from shell' -l encoding -x -d 'Text encoding of a CSV file (default: UTF-8)'
complete -c charton -n '__fish_seen_subcommand_from shell' -l null-value -x -d 'A CSV cell text meaning \'no value\'; repeatable'
complete -c charton -n '__fish_seen_subcommand_from shell' -l type -x -d 'Force a CSV column\'s type: boolean, int64, float64, date, timestamp, timestamptz or string; repeatable'
complete -c charton -n '__fish_seen_subcommand_from shell' -l python -r -F -d 'Python interpreter to use (default: CHARTON_PYTHON, an active VIRTUAL_ENV, charton\'s managed environment, python3 on PATH)'
complete -c charton -n '__fish_seen_subcommand_from shell' -l timeout -x -d 'Stop Python when a render takes longer (default: 300; 0 for no limit)'
complete -c charton -n '__fish_seen_subcommand_from shell' -s h -l help -d 'Show this help message and exit'
complete -c charton -n '__fish_seen_subcommand_from shell' -s V -l version -d 'Print version information and exit'
complete -c charton -n '__fish_seen_subcommand_from shell' -s v -l verbose -d 'Show stack traces and Python tracebacks when something fails'
complete -c charton -n '__fish_seen_subcommand_from shell' -F

# charton templates
complete -c charton -n '__fish_seen_subcommand_from templates' -l json -d 'Print the listing as JSON'
complete -c charton -n '__fish_seen_subcommand_from templates' -l templates-dir -r -F -d 'A directory of template plugins: each NAME.py defining render(df, spec) becomes --renderer NAME; repeatable, searched before CHARTON_TEMPLATES'
complete -c charton -n '__fish_seen_subcommand_from templates' -l python -r -F -d 'Python interpreter to use (default: CHARTON_PYTHON, an active VIRTUAL_ENV, charton\'s managed environment, python3 on PATH)'
complete -c charton -n '__fish_seen_subcommand_from templates' -l timeout -x -d 'Stop Python when a render takes longer (default: 300; 0 for no limit)'
complete -c charton -n '__fish_seen_subcommand_from templates' -s h -l help -d 'Show this help message and exit'
complete -c charton -n '__fish_seen_subcommand_from templates' -s V -l version -d 'Print version information and exit'
complete -c charton -n '__fish_seen_subcommand_from templates' -s v -l verbose -d 'Show stack traces and Python tracebacks when something fails'

# charton doctor
complete -c charton -n '__fish_seen_subcommand_from doctor' -l json -d 'Print the report as one JSON document'
complete -c charton -n '__fish_seen_subcommand_from doctor' -l python -r -F -d 'Python interpreter to use (default: CHARTON_PYTHON, an active VIRTUAL_ENV, charton\'s managed environment, python3 on PATH)'
complete -c charton -n '__fish_seen_subcommand_from doctor' -l timeout -x -d 'Stop Python when a render takes longer (default: 300; 0 for no limit)'
complete -c charton -n '__fish_seen_subcommand_from doctor' -s h -l help -d 'Show this help message and exit'
complete -c charton -n '__fish_seen_subcommand_from doctor' -s V -l version -d 'Print version information and exit'
complete -c charton -n '__fish_seen_subcommand_from doctor' -s v -l verbose -d 'Show stack traces and Python tracebacks when something fails'

# charton help
complete -c charton -n '__fish_seen_subcommand_from help' -s h -l help -d 'Show usage help for the help command and exit'
complete -c charton -n '__fish_seen_subcommand_from help' -s v -l verbose -d 'Show stack traces and Python tracebacks when something fails'
complete -c charton -n '__fish_seen_subcommand_from help' -a 'plot shell templates doctor'
