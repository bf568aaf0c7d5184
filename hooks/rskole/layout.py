"""The Jinja environment that lays out the portal's page bodies (``theme/portal/``).

The templates are given views, which are dicts (``views``): ``{{ c.title }}`` is a key.
Jinja's ``getattr`` first asks the dict for an attribute of that name, which raises and
catches an AttributeError on every lookup (over half a million per 1,000 courses), and
then takes the key. ``Environment.getattr`` takes the key at once when the name is no
attribute of a dict, which is the same answer.
"""

from __future__ import annotations

from typing import Any

import jinja2

from .views import Shared

#: Names that are attributes of a view (a dict's methods): Jinja gives those first.
_ATTRIBUTES = frozenset(dir(dict)) | frozenset(dir(Shared))
_VIEWS = (dict, Shared)


class Environment(jinja2.Environment):
    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) in _VIEWS and attribute not in _ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)
