from qms.cli.start import run

run()
