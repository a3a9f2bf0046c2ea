from qms.cli.app import run

run()
