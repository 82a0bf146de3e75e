"""Payment methods: add a card (tokenized first), a SEPA mandate or mobile money; make one
the default; remove one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icanal_desktop.core import actions
from icanal_desktop.core.domain import billing
from icanal_desktop.gui.operations.base import Request

if TYPE_CHECKING:
    from icanal_desktop.core.actions import Outcome
    from icanal_desktop.core.api import ApiClient
    from icanal_desktop.core.cache import AccountCache

ADD = "add-payment-method"


class NewCard:
    """A card being added: its data is tokenized once, and the token kept for the retries
    of the same adding (the retry must be the same request). Only the writer thread, one
    request at a time, reads and sets the token."""

    def __init__(self) -> None:
        self._token: str | None = None

    def add(
        self, number: str, exp_month: int, exp_year: int, cvc: str, holder: str
    ) -> Request[billing.PaymentMethod]:
        """Tokenizes the card (card data goes to the tokenization endpoint only; no name
        or log holds it), then adds it with the token."""

        def perform(
            client: ApiClient, cache: AccountCache, key: str
        ) -> Outcome[billing.PaymentMethod]:
            if self._token is None:
                token = actions.tokenize_card(client, number, exp_month, exp_year, cvc, holder)
                self._token = token.token
            return actions.add_card(client, cache, self._token, idempotency_key=key)

        return Request(ADD, ("card",), perform)

    def forget(self) -> None:
        """Refused, or the dialog closes: the next try tokenizes the card again."""
        self._token = None


def add_sepa_debit(
    iban: str, holder: str, mandate_accepted: bool
) -> Request[billing.PaymentMethod]:
    return Request(
        ADD,
        ("sepa_debit",),
        lambda client, cache, key: actions.add_sepa_debit(
            client, cache, iban, holder, mandate_accepted, idempotency_key=key
        ),
    )


def add_mobile_money(operator: str, msisdn: str) -> Request[billing.PaymentMethod]:
    return Request(
        ADD,
        ("mobile_money",),
        lambda client, cache, key: actions.add_mobile_money(
            client, cache, operator, msisdn, idempotency_key=key
        ),
    )


def set_default(method_id: str) -> Request[billing.PaymentMethod]:
    return Request(
        "set-default-payment-method",
        (method_id,),
        lambda client, cache, key: actions.set_default_payment_method(
            client, cache, method_id, idempotency_key=key
        ),
    )


def remove(method_id: str) -> Request[None]:
    return Request(
        "remove-payment-method",
        (method_id,),
        lambda client, cache, key: actions.remove_payment_method(
            client, cache, method_id, idempotency_key=key
        ),
    )
