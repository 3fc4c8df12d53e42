"""Regenerate ``src/emshell/cmdlets/exchange/cmdlets.json`` from the cmdlet reference facts.

    python tools/gen_exchange_metadata.py ../shared/reference/exchange-um-cmdlets.json

The reference JSON holds facts extracted from the public Exchange cmdlet reference
(parameters, types, positions, sets, accepted values; summaries already in our own words).
This keeps what emshell's binder, completion and Get-Help need, for the cmdlets and
parameters that exist in Exchange 2013/2016, in a compact file shipped with the package.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "emshell" / "cmdlets" / "exchange" / "cmdlets.json"

# The .NET classes that implement the cmdlets (they appear in FullyQualifiedErrorIds).
CLASS_NAMES = {
    "Get-UMService": "Microsoft.Exchange.Management.Tasks.UM.GetUMServer",
    "Set-UMService": "Microsoft.Exchange.Management.Tasks.UM.SetUMServer",
    "Enable-UMService": "Microsoft.Exchange.Management.Tasks.UM.EnableUMServer",
    "Disable-UMService": "Microsoft.Exchange.Management.Tasks.UM.DisableUMServer",
    "Get-ExchangeServer": "Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeServer",
    "Get-MailboxServer": "Microsoft.Exchange.Management.SystemConfigurationTasks.GetMailboxServer",
    "Get-ClientAccessServer": "Microsoft.Exchange.Management.SystemConfigurationTasks.GetClientAccessServer",
    "Get-ClientAccessService": "Microsoft.Exchange.Management.SystemConfigurationTasks.GetClientAccessService",
    "Get-ExchangeCertificate": "Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeCertificate",
    "Enable-ExchangeCertificate": "Microsoft.Exchange.Management.SystemConfigurationTasks.EnableExchangeCertificate",
}
# Identity-like parameters also bind by property name from piped objects.
ID_SUFFIX = "IdParameter"


def class_name(cmdlet: str) -> str:
    if cmdlet in CLASS_NAMES:
        return CLASS_NAMES[cmdlet]
    verb, noun = cmdlet.split("-", 1)
    return f"Microsoft.Exchange.Management.Tasks.UM.{verb}{noun}"


def convert(cmdlet: dict) -> dict:
    parameters = []
    set_names = list(cmdlet["syntax_parameter_sets"])
    membership: dict[str, dict[str, list]] = {}
    for set_name, entries in cmdlet["parameter_sets"].items():
        for entry in entries:
            membership.setdefault(entry["name"], {})[set_name] = [entry["position"], bool(entry["required"])]
    for param in cmdlet["parameters"]:
        if not param["applies_to_exchange_2013_or_2016"]:
            continue
        pipeline = bool(param["pipeline_input_bool"])
        sets = {}
        for set_name, (position, mandatory) in membership.get(param["name"], {}).items():
            sets[set_name] = [position, mandatory, pipeline, pipeline and param["type"].endswith(ID_SUFFIX)]
        if not sets:
            continue
        item = {
            "name": param["name"],
            "type": param["type"],
            "sets": sets,
        }
        for key, value in (("aliases", param["aliases"]), ("accepted_values", param["accepted_values"]),
                           ("summary", param["summary"]), ("default", param["default_value"]),
                           ("constraints", param["constraints"]), ("multi_valued", param["multi_valued"])):
            if value:
                item[key] = value
        parameters.append(item)
    # The reference does not name default sets; Exchange's Get-/Set- tasks default to their
    # Identity set (so that a bare ``Get-ExchangeServer`` lists everything).
    default = cmdlet["default_parameter_set"] or ("Identity" if "Identity" in set_names else set_names[0])
    return {
        "synopsis": cmdlet["synopsis"],
        "default_set": default,
        "implementing_type": class_name(cmdlet["name"]),
        "parameters": parameters,
    }


def main(source: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    result = {}
    for cmdlet in data["cmdlets"]:
        if not cmdlet["applies_to_exchange_2013_or_2016"]:
            continue  # the Exchange 2010 UM server cmdlets do not exist in EMS 2013/2016
        result[cmdlet["name"]] = convert(cmdlet)
    OUT.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(result)} cmdlets to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/exchange-um-cmdlets.json")
