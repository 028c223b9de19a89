from asiapac_cli.cli import main

main()
