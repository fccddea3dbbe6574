"""The POC knowledge base and practice question bank, as validated data.

``pocedu.content.packaged()`` returns the shipped content; ``load_content(DIR)`` loads and
checks another directory and raises ``ContentError`` naming file, item and field.
"""

from .loader import Content, load_content, packaged
from .pointers import PointerError, PointerResolver
from .yamlio import ContentError

__all__ = ["Content", "ContentError", "PointerError", "PointerResolver", "load_content", "packaged"]
