"""earnings-events: executive statements from earnings news, as a Hugging Face dataset.

The pipeline runs one way through plain records (``records.py``):

    ingest -> extract -> normalize -> label -> build

and ``validate``, ``score`` read only a built release.
"""

__version__ = "0.1.0"
