"""The registry of output formats: one module per format, one line per format here.

Modules are imported only when their format is asked for, so heavy libraries
(XlsxWriter, pyarrow, lxml) stay off the CLI's start-up path.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exporters.base import Exporter

# format key -> "module:Class"
REGISTRY: dict[str, str] = {
    "json": "exporters.json_doc:JsonExporter",
    "xlsx": "exporters.xlsx:XlsxExporter",
    "parquet": "exporters.parquet:ParquetExporter",
    "ixbrl": "exporters.ixbrl:IxbrlExporter",
    "xbrl": "exporters.xbrl:XbrlExporter",
    "xbrl-json": "exporters.xbrl_json:XbrlJsonExporter",
}


def names() -> list[str]:
    return list(REGISTRY)


def get(name: str, **options: str) -> Exporter:
    """The exporter registered as `name`; KeyError if there is none.

    `options` (such as `entity_scheme`, `entity_id`) go to exporters that take them
    and are ignored by the others.
    """
    import inspect

    module_name, _, class_name = REGISTRY[name].partition(":")
    cls = getattr(import_module(module_name), class_name)
    accepted = inspect.signature(cls).parameters
    return cls(**{k: v for k, v in options.items() if k in accepted and v is not None})  # type: ignore[no-any-return]


__all__ = ["Exporter", "REGISTRY", "get", "names"]


def __getattr__(name: str) -> object:
    """`Exporter`, the protocol every exporter meets, imported when first asked for."""
    if name == "Exporter":
        from exporters.base import Exporter

        return Exporter
    raise AttributeError(f"module 'exporters' has no attribute {name!r}")
