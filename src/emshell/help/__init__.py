"""Help for the commands emshell knows: syntax generated from command metadata, texts in
emshell's own words, and Windows PowerShell 5.1's console layouts.

* ``syntax`` -- the syntax lines of Get-Command -Syntax and Get-Help, from the metadata;
* ``texts`` -- what each command and parameter is for (``core_texts`` for PowerShell's
  cmdlets, ``exchange_texts`` for the Exchange ones, ``about`` for the about_ topics);
* ``helpinfo`` -- the objects Get-Help writes, and ``render`` -- how the console shows them.

Nothing here is imported until help is asked for.
"""
