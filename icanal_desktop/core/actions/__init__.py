"""Account actions: plain functions that the GUI calls from its worker threads (and the CLI
from its main thread). Pure Python, no Qt.

Every action that moves money or changes a contract, a payment method or a ticket sends an
`Idempotency-Key`. The caller creates one key per user action (`new_idempotency_key()`)
and passes the same key again when the user retries that action after an error, so a
request whose answer was lost is never carried out twice. The client's own retries reuse
the key too.

Each action then refreshes the resources it changed, so the cache (and the window that
shows it) is current. A refresh that fails does not undo the action: the outcome says so,
and the next sync catches up.

Card numbers and CVCs go to the tokenization endpoint only; they are never logged, stored
or put in an exception text.

The actions live by feature; callers use them through this package (`actions.pay_bill`):
- outcome.py: `Outcome`, `refresh` and what every action shares;
- subscription.py: plan change, cancellation, reactivation, auto-renewal;
- bills.py: paying a bill, a bill's detail and PDF;
- payment_methods.py: card tokenization, adding, the default, removing;
- support.py: tickets, their threads and replies, the chat agent;
- profile.py: the profile and the password;
- validation.py: the checks before sending (Luhn, IBAN, card, E.164).
"""

from icanal_desktop.core.actions.bills import bill_detail, bill_pdf, pay_bill
from icanal_desktop.core.actions.outcome import CONTRACT, Outcome, refresh
from icanal_desktop.core.actions.payment_methods import (
    add_card,
    add_mobile_money,
    add_sepa_debit,
    remove_payment_method,
    set_default_payment_method,
    tokenize_card,
)
from icanal_desktop.core.actions.profile import change_password, update_profile
from icanal_desktop.core.actions.subscription import (
    PlanChange,
    cancel_subscription,
    change_plan,
    parse_plan_change,
    preview_cancellation,
    preview_plan_change,
    reactivate_subscription,
    set_auto_renew,
)
from icanal_desktop.core.actions.support import (
    ChatAnswer,
    ask_chat,
    create_ticket,
    reply_to_ticket,
    ticket_thread,
)
from icanal_desktop.core.api.client import new_idempotency_key
from icanal_desktop.core.domain.validation import E164, card_errors, iban_errors, luhn_ok

__all__ = [
    "CONTRACT",
    "E164",
    "ChatAnswer",
    "Outcome",
    "PlanChange",
    "add_card",
    "add_mobile_money",
    "add_sepa_debit",
    "ask_chat",
    "bill_detail",
    "bill_pdf",
    "cancel_subscription",
    "card_errors",
    "change_password",
    "change_plan",
    "create_ticket",
    "iban_errors",
    "luhn_ok",
    "new_idempotency_key",
    "parse_plan_change",
    "pay_bill",
    "preview_cancellation",
    "preview_plan_change",
    "reactivate_subscription",
    "refresh",
    "remove_payment_method",
    "reply_to_ticket",
    "set_auto_renew",
    "set_default_payment_method",
    "ticket_thread",
    "tokenize_card",
    "update_profile",
]
