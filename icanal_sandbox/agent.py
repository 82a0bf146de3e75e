"""The sandbox's support agent: answers from the FAQ, or promises a human follow-up."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

FALLBACK = (
    "Merci pour votre message. Un conseiller iCanal l'a bien reçu et vous répond sous "
    "24 heures ouvrées."
)
STOP_WORDS = frozenset(
    (
        "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "a", "au", "aux", "en",
        "est", "mon", "ma", "mes", "je", "j", "il", "elle", "on", "nous", "vous", "pour", "par",
        "sur", "dans", "que", "qui", "quoi", "ne", "pas", "plus", "ce", "cette", "ces", "se",
        "sa", "son", "ses", "y", "d", "l", "qu", "s", "n", "t", "bonjour", "merci", "svp",
        "comment", "pourquoi", "quand",
    )
)  # fmt: skip


def fold(text: str) -> str:
    """Lower case without accents, for matching what people type."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in STOP_WORDS and len(w) > 1}


def best_faq(conn: sqlite3.Connection, text: str) -> sqlite3.Row | None:
    asked = words(text)
    best, best_score = None, 0
    for row in conn.execute("SELECT * FROM faq ORDER BY position"):
        score = 2 * len(asked & words(row["keywords"])) + len(asked & words(row["question"]))
        if score > best_score:
            best, best_score = row, score
    return best if best_score >= 2 else None


def reply(conn: sqlite3.Connection, text: str) -> tuple[str, str | None]:
    """The agent's answer to a message, and the FAQ entry it came from."""
    row = best_faq(conn, text)
    if row is None:
        return FALLBACK, None
    answer = f"Bonjour, voici ce qui devrait vous aider : {row['answer']}"
    answer += " Si ce n'est pas le cas, répondez à ce message et un conseiller prendra le relais."
    return answer, str(row["id"])
