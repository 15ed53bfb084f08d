"""Derive `common_words.txt`: the words of shipped actor names that are also ordinary lower-case English words.

    python eventwire/data/actors/derive_common_words.py /usr/share/dict/words eventwire/data/actors/common_words.txt

Names are matched case-insensitively ("president obama", "tunisian rioters") only when their lower-case
form is not an ordinary word: "turkey", "chad", "china", "polish", "trump" stay names only as written.
The word list is any one-word-a-line English dictionary whose common words are lower case (Debian's
`wamerican`, public domain); only the lower-case entries that occur in a shipped actor name or role are
kept, plus the hand-picked EXTRA words the dictionary lacks. Re-run after adding names to the shipped data.
"""
from __future__ import annotations

import sys

# Ordinary words (food, fabrics, objects, places named after) the dictionary above lacks.
EXTRA = {"swiss", "danish", "lima", "havana", "brussels", "angora", "bermuda", "panama", "java", "cayenne",
         "champagne", "cologne", "dijon", "hamburger", "frankfurter", "bologna", "madeira", "oxford", "jersey"}


def derive(dictionary: str, out: str) -> int:
    from eventwire.actors.knowledge import load_knowledge

    kb = load_knowledge()
    words = {w.strip() for w in open(dictionary, encoding="utf-8") if w.strip() and w.strip().islower()}
    tokens = {t for surface in kb.names for t in surface.lower().replace("-", " ").split()}
    tokens |= {phrase.split()[-1] for phrase in kb.roles}
    keep = sorted((tokens & words) | (tokens & EXTRA))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# eventwire actor data: words of actor names that are ordinary lower-case English words.\n"
                 "# Format: one lower-case word a line. A name of one or two words, all of them listed here, is\n"
                 "# matched only as written ('Turkey', 'Chad', 'White House'), never case-insensitively.\n"
                 "# Sources: derived by derive_common_words.py from Debian's wamerican word list (public domain)\n"
                 "# intersected with the words of the shipped names and roles, plus a few hand-picked words.\n")
        fh.write("\n".join(keep) + "\n")
    return len(keep)


if __name__ == "__main__":
    print(derive(sys.argv[1], sys.argv[2]), "words")
