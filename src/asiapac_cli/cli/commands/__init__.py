"""The commands, by family; `cli.app` imports only the module of the command a run names."""
