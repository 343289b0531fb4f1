"""toolkit: mixed Arabic and English news text, with every span pointing into the original.

Detect languages per block, sentence and run; segment blocks, sentences and embedded tweets;
normalise and transliterate Arabic with a map back to the original; tie quotes to speakers and
sources; align quotes and tweets with the text that translates or reports them.

>>> import toolkit
>>> doc = toolkit.process("قال الوزير إن المحادثات مستمرة. The minister said talks go on.")
>>> [s.lang for s in doc.sentences]
['ar', 'en']
"""
from .align import match_names
from .api import build_pipeline, process, process_files
from .detect import detect
from .document import Alignment, Block, Document, OffsetError, Quote, Run, Sentence, Speaker, Tweet
from .normalization import Normalized, normalize
from .pipeline import Config, Pipeline, registered_stages, stage
from .transliteration import Transliterated, detransliterate, transliterate

__version__ = "0.1.0"

__all__ = ["process", "process_files", "build_pipeline", "detect", "normalize", "Normalized", "transliterate",
           "detransliterate", "Transliterated", "match_names", "Document", "Block", "Sentence", "Run",
           "Tweet", "Quote", "Speaker", "Alignment", "OffsetError", "Config", "Pipeline", "stage",
           "registered_stages", "__version__"]
