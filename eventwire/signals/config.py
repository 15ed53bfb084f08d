"""Detector and de-duplication parameters: the shipped defaults file plus an optional user file."""
from __future__ import annotations

import copy
import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

LOGGER = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _load_defaults() -> dict:
    text = resources.files("eventwire").joinpath("data/signals/defaults.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def load_config(path: str | Path | None = None, **overrides: dict) -> dict:
    """Return the signals parameters: shipped defaults, then a user YAML file, then keyword overrides.

    Args:
        path (str | Path | None): a YAML file with the same sections; only the keys it sets change.
        overrides (dict): section -> {key: value}, e.g. `detector={"z_threshold": 2.5}`.
    RETURNS (dict): the merged parameters (a fresh copy).
    Raises:
        ValueError: when the user file is not a YAML mapping or names an unknown key.
    """
    config = copy.deepcopy(_load_defaults())
    layers = []
    if path is not None:
        user = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if not isinstance(user, dict):
            raise ValueError(f"{path}: a signals config must be a YAML mapping")
        layers.append(user)
    layers.append({k: v for k, v in overrides.items() if v})
    for layer in layers:
        for section, values in layer.items():
            if section not in config:
                raise ValueError(f"unknown signals config section {section!r}")
            if isinstance(config[section], dict):
                unknown = set(values) - set(config[section])
                if unknown:
                    raise ValueError(f"unknown {section} key(s): {', '.join(sorted(unknown))}")
                config[section].update(values)
            else:
                config[section] = values
    return config
