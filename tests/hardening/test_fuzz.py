"""Fuzzing, in the suite: a fixed seed and a bounded number of examples (about 20 s on 2 cores).

Whatever is typed -- generated scripts, mutated examples and test snippets, commands with
real and bogus parameters, raw text -- ``Shell.run`` returns output and/or error records:
never a Python exception, never an emshell internal error, never a hang beyond the stop limit,
never a file outside the sandbox.  And an Exchange command that fails leaves the organization
byte-identical.  ``bench/fuzz.py`` runs the same properties for millions of inputs.
"""

import pytest
from fuzz_properties import Workdir, check_failure_keeps_org, check_runs
from hypothesis import HealthCheck, given, settings
from ps_inputs import commands, exchange_commands, mutated, scripts

from emshell.engine.limits import ensure_stack_headroom

ensure_stack_headroom()  # before Hypothesis records the recursion limit it restores


def fuzz(examples: int):
    return settings(max_examples=examples, derandomize=True, database=None, deadline=None,
                    suppress_health_check=list(HealthCheck))  # fmt: skip


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return Workdir(str(tmp_path_factory.mktemp("fuzz")))


@fuzz(1200)
@given(text=scripts())
def test_any_input_yields_output_or_error_records(workdir, text):
    check_runs(text, workdir)


@fuzz(600)
@given(text=mutated())
def test_mutated_examples_and_test_snippets_yield_output_or_error_records(workdir, text):
    check_runs(text, workdir)


@fuzz(600)
@given(text=commands())
def test_commands_with_real_and_bogus_parameters_yield_output_or_error_records(workdir, text):
    check_runs(text, workdir)


@fuzz(500)
@given(command=exchange_commands())
def test_a_failing_exchange_command_leaves_the_org_byte_identical(workdir, command):
    check_failure_keeps_org(command, workdir)


def test_the_org_property_is_exercised(workdir):
    """The generated Exchange commands fail often enough for the property above to mean something."""
    from hypothesis import strategies as st

    failed = []

    @fuzz(60)
    @given(command=exchange_commands(), _=st.just(None))
    def count(command, _):
        failed.append(check_failure_keeps_org(command, workdir))

    count()
    assert 0.2 < sum(failed) / len(failed) < 1.0
