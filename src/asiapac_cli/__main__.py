from asiapac_cli.cli.app import main

main()
