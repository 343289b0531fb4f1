"""The built-in stages. Importing a module registers its stage(s) by name."""
from . import blocks, tweets, sentences, detect, textnorm, quotes  # noqa: F401
