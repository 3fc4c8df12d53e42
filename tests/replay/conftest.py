# The sample project is run by test_replay_plugin.py in a subprocess of its own, as its author would
# run it; the main suite must not collect it a second time.
collect_ignore = ["stranger_project"]
