"""The built-in stages. Importing a module registers its stage(s) by name."""
from . import blocks, tweets, sentences, detect, textnorm, quotes, align  # noqa: F401
