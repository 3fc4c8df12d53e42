"""Testing EMS scripts with emshell.

* ``emshell.testing.plugin`` -- the pytest plugin (fixtures ``ems`` and ``ems_org``, ``.ps1``
  golden transcript tests, ``--ps1-update``), registered through the ``pytest11`` entry point;
* ``emshell.testing.golden`` -- a golden case (script, expected transcript, org file, input
  answers, sandbox files) and the transcript diff, usable without pytest.

See README.md, "Testing your scripts with emshell".
"""
