"""Hypothesis strategies for PowerShell-shaped input: what a trainee types, a half-pasted script,
or garbage.

* ``commands()``: one command from the real command index (cmdlets and aliases, sometimes a
  bogus name), with real parameters -- abbreviated, miscased, ``-Name:value`` -- bogus ones,
  switches, positional values, splatting and redirections;
* ``expressions()``: values of every kind (numbers at the type boundaries, strings with escapes
  and sub-expressions, here-strings, arrays, hashtables, script blocks, casts, static calls,
  members, indexes, operators);
* ``scripts()``: statements -- pipelines, assignments, if/switch/loops, try/catch/trap,
  functions, flow control -- joined by ``;`` or newlines; or a mutation (deletion, insertion,
  duplication, byte flip, swap) of an example script or of a snippet the test suite runs; or
  raw text;
* ``exchange_commands()``: one Exchange cmdlet invocation whose arguments run no other command,
  so that if it fails, nothing else can have changed the organization.

Everything is built from what the product declares (``emshell.cmdlets.index``, each command's
metadata, the built-in organization), so new cmdlets are fuzzed as soon as they are indexed.
"""

from __future__ import annotations

import ast
import functools
import pathlib

from hypothesis import strategies as st

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parents[2]

# ----------------------------------------------------------------------------- vocabulary


@functools.cache
def command_table() -> dict[str, list[tuple[str, bool, tuple[str, ...]]]]:
    """Every indexed command: name -> [(parameter name, is switch, accepted values)]."""
    from emshell.cmdlets.index import COMMANDS
    from emshell.engine.runspace import Runspace

    runspace = Runspace()
    table = {}
    for lower in sorted(COMMANDS):
        cls = runspace.find_cmdlet(lower)
        if cls is None:
            continue
        meta = cls.metadata
        table[meta.name] = [(p.name, p.is_switch, tuple(p.accepted_values)) for p in meta.parameters.values()]
    return table


@functools.cache
def identities() -> list[str]:
    """Names of the objects in the built-in organization, as identities are typed."""
    from emshell.model import Organization

    org = Organization.default()
    names: list[str] = []
    for kind in ("server", "dialPlan", "ipGateway", "mailboxPolicy", "autoAttendant", "mailbox", "recipient"):
        names.extend(org.names(kind))
    return sorted(set(names))


@functools.cache
def exchange_command_names() -> list[str]:
    from emshell.cmdlets.index import COMMANDS

    return sorted(name for name in command_table() if COMMANDS[name.lower()].startswith("emshell.cmdlets.exchange"))


def _aliases() -> list[str]:
    from emshell.cmdlets.index import ALIASES

    return sorted(ALIASES)


BOGUS_COMMANDS = ("Get-Foo", "Set-UMServic", "Get-UMService-", "Invoke-Nothing", "program.exe", "cmd", "notepad",
                  ".\\missing.ps1", "C:\\temp\\x.ps1", "..\\..\\etc\\passwd", "\\\\server\\share\\x.ps1", "$null",
                  "&", "Get-", "-", "Start-Process", "Invoke-WebRequest", "Add-Type", "python")  # fmt: skip
BOGUS_PARAMETERS = ("Foo", "Identit", "I", "", "-", "Name:", "WhatIf:$false", "Confirm:$false", "ErrorAction",
                    "ea", "ErrorVariable", "OutVariable", "WarningAction", "Verbose", "Debug", "OutBuffer",
                    "PipelineVariable")  # fmt: skip
NUMBERS = ("0", "-1", "1", "2", "42", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
           "9223372036854775807", "9223372036854775808", "79228162514264337593543950335", "1e9", "1e10", "1e308",
           "1e309", "-1e309", "1.5", ".5", "1e-5", "0x7FFFFFFF", "0xFFFFFFFF", "0x80000000", "0xFFFFFFFFFFFFFFFF",
           "1kb", "1mb", "1gb", "1tb", "1pb", "10d", "1l", "0.1d", "[int]::MaxValue", "[long]::MinValue",
           "[double]::NaN", "[double]::PositiveInfinity", "[decimal]::MaxValue", "1e7", "3000", "-0")  # fmt: skip
VARIABLES = ("$x", "$y", "$_", "$PSItem", "$null", "$true", "$false", "$args", "$input", "$Error", "$Error[0]",
             "$Matches", "$LASTEXITCODE", "$?", "$^", "$$", "$PSBoundParameters", "$MyInvocation", "$Host",
             "$pwd", "$env:COMPUTERNAME", "$env:TEMP", "$env:NOPE", "${weird name}", "$global:x", "$script:y",
             "$local:x", "$using:x", "$ExecutionContext", "$PSVersionTable", "$ErrorActionPreference",
             "$OFS", "$FormatEnumerationLimit", "$HOME", "$PSHOME", "$ShellId", "$StackTrace", "$this",
             "$sb", "$h", "$a", "$o", "$s", "$i")  # fmt: skip
TYPES = ("int", "long", "string", "char", "char[]", "byte[]", "int[]", "string[]", "double", "decimal", "bool",
         "datetime", "timespan", "guid", "regex", "math", "array", "hashtable", "ordered", "pscustomobject",
         "psobject", "object", "object[]", "xml", "version", "ipaddress", "scriptblock", "type", "void", "ref",
         "System.IO.File", "System.IO.Directory", "System.IO.Path", "System.Environment", "System.Convert",
         "System.Text.StringBuilder", "System.Collections.ArrayList", "System.Collections.Generic.List[string]",
         "System.Diagnostics.Process", "System.Net.WebClient", "System.Net.Sockets.TcpClient", "Foo.Bar",
         "Microsoft.Exchange.Data.Directory.SystemConfiguration.UMStartupMode", "enum", "System.Text.Encoding",
         "ValidateSet('a')", "Parameter(Mandatory)", "CmdletBinding()", "int]", "[int")  # fmt: skip
MEMBERS = ("Length", "Count", "Name", "Identity", "UMStartupMode", "Keys", "Values", "Value", "Exception",
           "Message", "Now", "MaxValue", "Empty", "ToString()", "ToUpper()", "ToLower()", "Trim()",
           "Split(',')", "Replace('a','b')", "Substring(1)", "Substring(1, 100)", "IndexOf('x')", "PadLeft(5)",
           "PadRight(3000)", "GetType()", "GetType().Assembly", "GetType().FullName", "Contains('a')",
           "StartsWith('M')", "Add(1)", "Remove('a')", "Clear()", "GetEnumerator()", "Invoke()", "Invoke(1)",
           "ToCharArray()", "PSObject", "PSObject.Properties", "psbase", "Where({$_})", "ForEach({$_})",
           "Item(0)", "Equals($null)", "CompareTo(1)", "AddDays(1)", "Ticks", "TotalSeconds", "Insert(0,'x')",
           "Format", "new()", "new('x', 3)", "Parse('1')", "Round(1.5)", "Pow(2, 10)", "Join(',', @(1,2))",
           "ReadAllText('C:\\temp\\a.txt')", "Exists('C:\\')", "GetFiles('C:\\')", "Start('calc')",
           "Create('1+1')", "InvokeCommand", "SessionState")  # fmt: skip
BINARY_OPERATORS = ("+", "-", "*", "/", "%", "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-ceq", "-ieq", "-like",
                    "-notlike", "-match", "-notmatch", "-cmatch", "-replace", "-creplace", "-split", "-join",
                    "-contains", "-notcontains", "-in", "-notin", "-is", "-isnot", "-as", "-f", "-band", "-bor",
                    "-bxor", "-shl", "-shr", "-and", "-or", "-xor", "..", ",")  # fmt: skip
UNARY_OPERATORS = ("-not ", "!", "-", "+", "-bnot ", "-split ", "-join ", ",", "++", "--")
REGEXES = ("'a'", "'^\\d+$'", "'(a+)+$'", "'['", "'(?<n>x)'", "'\\p{L}'", "'(?i)M'", "'*'", "'$'", "'.'",
           "'\\'", "'(?'", "'a{2,1}'", "'\\k<x>'", "'(?<=a)b'")  # fmt: skip
REDIRECTIONS = ("2>&1", "*>&1", "3>&1", "> C:\\temp\\out.txt", ">> C:\\temp\\out.txt", "2> $null", "2>$null",
                "> ..\\..\\..\\outside.txt", "> \\\\server\\share\\x", "> D:\\x", "1>&2", "4>&1 5>&1 6>&1",
                "2>&1 > nul", "< in.txt")  # fmt: skip
SPECIAL_TEXT = ("`", "`n", "`t", "`0", "`a", "`e", "`u{1F600}", "`u{110000}", "``", "`$", '`"', "$", "$(", "@(",
                "@{", "{", "}", "(", ")", "[", "]", ";", "|", "&", "&&", "||", "#", "<#", "#>", "'", '"', "\u2018",
                "\u201c", "\u2013", "\x00", "\r", "\r\n", "\ufeff", "\ud800", "--%", "::", ".", "..", ",", "=",
                "+=", "-", "--", "@", "\\", "%", "?", "!", "~", "^")  # fmt: skip
TOKENS = ("if", "else", "elseif", "foreach", "for", "while", "do", "until", "switch", "try", "catch", "finally",
          "trap", "throw", "return", "break", "continue", "exit", "function", "filter", "param", "begin",
          "process", "end", "dynamicparam", "in", "data", "class", "enum", "using", "workflow", "parallel",
          "sequence", "inlinescript", "configuration", "-eq", "-f", "-join", "$_", "$null", "@()", "@{}",
          "{}", "()", "[int]", "::", "|", ";", "\n", " ", "`\n", "Get-UMService", "-Identity",
          "MyUMServer1", "-WhatIf")  # fmt: skip


def _typed(name: str, variant: int) -> str:
    """A name as typed: exact, lower, upper, or a prefix (unique or not)."""
    if variant == 1:
        return name.lower()
    if variant == 2:
        return name.upper()
    if variant == 3 and len(name) > 3:
        return name[: len(name) // 2]
    return name


# ----------------------------------------------------------------------------- expressions


def _single_quoted() -> st.SearchStrategy[str]:
    body = st.text(st.sampled_from("ab x'-$`\"\t\u00e9\u4e2d{}()*?[]\\"), max_size=12)
    return body.map(lambda text: "'" + text.replace("'", "''") + "'")


def _double_quoted(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.text(st.sampled_from("ab x-'\u00e9:\\"), max_size=8),
        st.sampled_from(("`n", "`t", "`0", "``", "`$", '`"', '""', "`u{263A}", "$x", "$env:USERNAME",
                         "${x}", "$($x)", "$x.Name", "$($null)", "$", "$:", "$1")),  # fmt: skip
        inner.map(lambda text: f"$({text})"),
    )
    return st.lists(piece, max_size=5).map(lambda parts: '"' + "".join(parts) + '"')


def _here_string() -> st.SearchStrategy[str]:
    body = st.text(st.sampled_from("ab x'\"$`@\n"), max_size=20)
    return st.tuples(st.sampled_from(("@'", '@"')), body).map(
        lambda pair: f"{pair[0]}\n{pair[1]}\n{pair[0][1]}@")


@functools.cache
def _leaf() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NUMBERS),
        st.integers(-(2**65), 2**65).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        _single_quoted(),
        st.sampled_from(VARIABLES),
        st.sampled_from(TYPES).map(lambda name: f"[{name}]"),
        st.sampled_from(identities()).map(lambda name: "'" + name.replace("'", "''") + "'"),
        st.sampled_from(REGEXES),
        _here_string(),
    )


def _compound(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(inner, st.sampled_from(BINARY_OPERATORS), inner).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
        st.tuples(st.sampled_from(UNARY_OPERATORS), inner).map("".join),
        st.tuples(st.sampled_from(TYPES), inner).map(lambda t: f"[{t[0]}]{t[1]}"),
        st.tuples(inner, st.sampled_from(MEMBERS)).map(lambda t: f"({t[0]}).{t[1]}"),
        st.tuples(st.sampled_from(TYPES), st.sampled_from(MEMBERS)).map(lambda t: f"[{t[0]}]::{t[1]}"),
        st.tuples(inner, inner).map(lambda t: f"({t[0]})[{t[1]}]"),
        st.lists(inner, max_size=4).map(lambda items: "@(" + ", ".join(items) + ")"),
        st.lists(inner, min_size=2, max_size=4).map(", ".join),
        st.lists(st.tuples(st.sampled_from(("a", "'b c'", "Name", "1", "$x", "Expression", "e", "n")), inner),
                 max_size=3).map(lambda kv: "@{" + "; ".join(f"{k} = {v}" for k, v in kv) + "}"),  # fmt: skip
        _double_quoted(inner),
        inner.map(lambda text: "{ " + text + " }"),
        inner.map(lambda text: f"({text})"),
        inner.map(lambda text: f"$({text})"),
        st.tuples(inner, st.sampled_from(("'{0}'", "'{0,-10}|{1:N2}'", "'{0:D5}'", "'{1}'", "'{'", "'{0,100000}'")))
        .map(lambda t: f"{t[1]} -f {t[0]}"),
    )


@functools.cache
def expressions(depth: int = 2) -> st.SearchStrategy[str]:
    """A PowerShell expression, nested up to ``depth`` levels."""
    return st.recursive(_leaf(), _compound, max_leaves=6) if depth else _leaf()


# ----------------------------------------------------------------------------- commands


_SPLATS_AND_BAREWORDS = ("@x", "@h", "@args", "@PSBoundParameters", "--", "--%", "a,b,c", "C:\\temp\\x.csv", "*UM*",
                         "-", "'-Identity'", "$x,$y", "@{}", "{ $_ }", "(1)", "x y")  # fmt: skip


def _argument(draw: st.DrawFn, params: list, values: st.SearchStrategy[str]) -> str:
    # Strategies are not built inside draws: building one costs more than drawing from it.
    kind = draw(st.integers(0, 9))
    if kind <= 4 and params:
        name, is_switch, accepted = params[draw(st.integers(0, len(params) - 1))]
        typed = _typed(name, draw(st.integers(0, 4)))
        if is_switch:
            return (f"-{typed}", f"-{typed}:$false", f"-{typed}:$true", f"-{typed} $false")[draw(st.integers(0, 3))]
        if accepted and draw(st.booleans()):
            value = accepted[draw(st.integers(0, len(accepted) - 1))]
        else:
            value = draw(values)
        return (f"-{typed} {value}", f"-{typed}:{value}", f"-{typed}")[draw(st.integers(0, 2))]
    if kind == 5:
        return "-" + draw(st.sampled_from(BOGUS_PARAMETERS)) + draw(st.sampled_from(("", " 1", " $null", " 'x'")))
    if kind == 6:
        names = identities()
        return names[draw(st.integers(0, len(names) - 1))]
    if kind == 7:
        return draw(st.sampled_from(_SPLATS_AND_BAREWORDS))
    return draw(values)


_PREFIXES = ("& ", ". ", "&", "& '")
_EXCHANGE_EXTRAS = ("-Confirm:$false", "-Confirm", "-WhatIf", "-Force", "-ErrorAction Stop", "-ErrorAction SilentlyContinue",
                    "-WarningAction Stop")  # fmt: skip


def _pick(draw: st.DrawFn, items: list | tuple) -> object:
    return items[draw(st.integers(0, len(items) - 1))]


@functools.cache
def _command_names() -> tuple[list[str], list[str]]:
    return sorted(command_table()), _aliases()


@st.composite
def commands(draw: st.DrawFn, values: st.SearchStrategy[str] | None = None, *, redirect: bool = True) -> str:
    """One command: a real command (or alias, or a bogus name) and its arguments."""
    values = values if values is not None else expressions(1)
    names, aliases = _command_names()
    kind = draw(st.integers(0, 9))
    params: list = []
    if kind <= 6:
        name = _pick(draw, names)
        params = command_table()[name]
        typed = _typed(name, draw(st.integers(0, 2)))
        if draw(st.integers(0, 9)) == 0:
            prefix = _pick(draw, _PREFIXES)
            typed = prefix + typed + ("'" if "'" in prefix else "")
    elif kind <= 8:
        typed = _pick(draw, aliases)
    else:
        typed = _pick(draw, BOGUS_COMMANDS)
    arguments = [_argument(draw, params, values) for _ in range(draw(st.integers(0, 5)))]
    if redirect and draw(st.integers(0, 9)) == 0:
        arguments.append(_pick(draw, REDIRECTIONS))
    if draw(st.integers(0, 19)) == 0:
        arguments.append("-?")
    return " ".join([typed, *arguments])


@functools.cache
def _plain_values() -> st.SearchStrategy[str]:
    """Values that run no command: leaves, arrays, hashtables (Add/Remove), casts."""
    return st.recursive(_leaf(), lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda items: "@(" + ", ".join(items) + ")"),
        st.lists(st.tuples(st.sampled_from(("Add", "Remove", "a")), inner), max_size=2)
        .map(lambda kv: "@{" + "; ".join(f"{k} = {v}" for k, v in kv) + "}"),
        st.tuples(st.sampled_from(TYPES[:12]), inner).map(lambda t: f"[{t[0]}]{t[1]}"),
    ), max_leaves=4)  # fmt: skip


@st.composite
def exchange_commands(draw: st.DrawFn) -> str:
    """One Exchange cmdlet with arguments that run no other command (see the module doc)."""
    name = _pick(draw, exchange_command_names())
    params = command_table()[name]
    values = _plain_values()
    arguments = [_argument(draw, params, values) for _ in range(draw(st.integers(0, 6)))]
    if draw(st.booleans()):
        arguments.append(_pick(draw, _EXCHANGE_EXTRAS))
    return " ".join([name, *arguments])


# ----------------------------------------------------------------------------- statements


def _pipeline(inner_script: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    values = expressions(1) | inner_script.map(lambda text: "{ " + text + " }")
    head = st.one_of(expressions(2), commands(values))
    return st.tuples(head, st.lists(commands(values), max_size=3)).map(lambda t: " | ".join([t[0], *t[1]]))


def _statement(inner_script: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    expression = expressions(2)
    block = inner_script.map(lambda text: "{ " + text + " }")
    target = st.sampled_from(("$x", "$y", "$a[0]", "$h.k", "$h['k']", "[int]$i", "$global:g", "$env:E", "$null",
                              "$x, $y", "${a b}", "$Error", "$true", "$script:s", "$_"))  # fmt: skip
    return st.one_of(
        _pipeline(inner_script),
        st.tuples(target, st.sampled_from(("=", "+=", "-=", "*=", "/=", "%=")), st.one_of(expression, _pipeline(
            inner_script))).map(" ".join),  # fmt: skip
        st.tuples(expression, block, st.sampled_from(("", " else { 'no' }", " elseif ($x) { 1 }")))
        .map(lambda t: f"if ({t[0]}) {t[1]}{t[2]}"),
        st.tuples(expression, block).map(lambda t: f"foreach ($i in {t[0]}) {t[1]}"),
        block.map(lambda body: f"for ($i = 0; $i -lt 3; $i++) {body}"),
        block.map(lambda body: f"while ($true) {{ {body[2:-2]}; break }}"),
        block.map(lambda body: f"do {body} until ($true)"),
        block.map(lambda body: f"do {body} while ($false)"),
        st.tuples(st.sampled_from(("", "-regex ", "-wildcard ", "-exact ", "-casesensitive ", "-file x ")),
                  expression, block)
        .map(lambda t: f"switch {t[0]}({t[1]}) {{ 1 {t[2]} 'a*' {{ 'a' }} default {{ break }} }}"),
        st.tuples(block, st.sampled_from(("", "[System.Exception] ", "[Foo] ", "[RuntimeException] ")), block,
                  st.sampled_from(("", " finally { 'f' }")))  # fmt: skip
        .map(lambda t: f"try {t[0]} catch {t[1]}{t[2]}{t[3]}"),
        block.map(lambda body: f"trap {body}"),
        expression.map(lambda value: f"throw {value}"),
        st.sampled_from(("return", "break", "continue", "exit", "exit 3", "throw", "break outer",
                         "return 1", "$x = 1", "$i++")),  # fmt: skip
        st.tuples(st.sampled_from(("f", "Get-UMService", "g-h", "prompt", "Out-Default", "filter:f")),
                  st.sampled_from(("", "($a, $b)", "([int]$n = 1)", "([Parameter(Mandatory)]$m)")),
                  block)  # fmt: skip
        .map(lambda t: f"function {t[0]}{t[1]} {t[2]}"),
        block.map(lambda body: f"function f {{ [CmdletBinding(SupportsShouldProcess)] param($p) "
                               f"begin {{ }} process {body} end {{ }} }}; 1, 2 | f"),
        block.map(lambda body: f":outer foreach ($j in 1, 2) {{ {body[2:-2]} }}"),
        block.map(lambda body: f"& {body}"),
        block.map(lambda body: f". {body}"),
    )


def _join(statements: list[str], separators: list[str]) -> str:
    out = []
    for index, statement in enumerate(statements):
        if index:
            out.append(separators[index % len(separators)])
        out.append(statement)
    return "".join(out)


def generated_scripts(depth: int = 2) -> st.SearchStrategy[str]:
    """Scripts built from statements, nested up to ``depth`` block levels."""
    script: st.SearchStrategy[str] = st.sampled_from(("", "$x", "1", "$_", "Get-UMService", "'a'"))
    for _ in range(depth):
        script = st.tuples(st.lists(_statement(script), min_size=1, max_size=3),
                           st.lists(st.sampled_from(("; ", "\n", " ; ", "\r\n", ";\n")), min_size=1, max_size=2)
                           ).map(lambda t: _join(*t))  # fmt: skip
    return script


# ----------------------------------------------------------------------------- mutations


def _python_string_snippets(path: pathlib.Path) -> list[str]:
    """String constants of a test module that look like PowerShell (a command line or script)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and 3 <= len(node.value) <= 4000:
            text = node.value
            if ("-" in text and any(c.isupper() for c in text[:2])) or "$" in text or "|" in text:
                found.append(text)
    return found


@functools.cache
def corpus() -> tuple[str, ...]:
    """The example scripts and the PowerShell snippets of the test suite that parse."""
    from emshell.engine.errors import ParseError
    from emshell.language import parse

    texts = [path.read_text(encoding="utf-8-sig") for path in sorted((ROOT / "examples").glob("*.ps1"))]
    texts += [path.read_text(encoding="utf-8-sig") for path in sorted((ROOT / "tests").rglob("*.ps1"))]
    snippets: set[str] = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if "hardening" not in path.parts:
            snippets.update(_python_string_snippets(path))
    for text in sorted(snippets):
        try:
            parse(text)
        except ParseError:
            continue
        except Exception:  # a snippet the parser chokes on is the fuzz tests' business, not the corpus'
            continue
        texts.append(text)
    return tuple(texts)


INSERTIONS = SPECIAL_TEXT + TOKENS + ("", "\t", "\u00e9", "\u4e2d", "\U0001F600", "\x7f", "\x1b[2J")
MUTATIONS = ("delete", "insert", "duplicate", "flip", "swap", "truncate")
_SPAN_LENGTHS = (1, 2, 8, 40, 400)


def mutate(text: str, choose: Callable[[int, int], int]) -> str:
    """One edit of ``text``; ``choose(lo, hi)`` picks every number (a Hypothesis draw, or
    ``random.Random.randint`` in ``bench/fuzz.py``), so both shrink or replay the same way."""
    size = len(text)
    start = choose(0, size)
    end = min(size, start + _SPAN_LENGTHS[choose(0, len(_SPAN_LENGTHS) - 1)])
    kind = MUTATIONS[choose(0, len(MUTATIONS) - 1)]
    if kind == "delete":
        return text[:start] + text[end:]
    if kind == "insert":
        return text[:start] + INSERTIONS[choose(0, len(INSERTIONS) - 1)] + text[start:]
    if kind == "duplicate":
        return text[:end] + text[start:end] * choose(1, 3) + text[end:]
    if kind == "flip" and size:
        data = bytearray(text.encode("utf-8", "surrogatepass"))
        index = choose(0, len(data) - 1)
        data[index] ^= 1 << choose(0, 7)
        return data.decode("utf-8", "replace")
    if kind == "swap" and end > start:
        cut = choose(start, end)
        return text[:start] + text[cut:end] + text[start:cut] + text[end:]
    if kind == "truncate":
        return text[:start]
    return text


@st.composite
def mutated(draw: st.DrawFn, source: st.SearchStrategy[str] | None = None) -> str:
    """A corpus text (or ``source``) after 1-4 edits: deletion, insertion, duplication, byte
    flip, swap, truncation."""
    text = draw(source if source is not None else st.sampled_from(corpus()))

    def choose(lo: int, hi: int) -> int:
        return draw(st.integers(lo, hi))

    for _ in range(draw(st.integers(1, 4))):
        text = mutate(text, choose)
    return text


def scripts() -> st.SearchStrategy[str]:
    """Anything a user might feed the shell: generated scripts, mutated real ones, raw text."""
    generated = generated_scripts()
    return st.one_of(
        generated,
        mutated(),
        mutated(generated),
        commands(),
        st.text(max_size=40),
        st.binary(max_size=40).map(lambda data: data.decode("latin-1")),
    )
