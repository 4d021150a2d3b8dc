"""The names of the letters (template file stems, stored in ``drafts.template``).

Kept apart from ``templates`` so the pipeline's table can name each stage's letter
without loading what filling a letter needs (the contact list's first paint reads the
pipeline, not the letters).
"""

from __future__ import annotations

INTRO = "intro_letter"
FOLLOW_UP_CALL = "follow_up_call"
THANK_YOU = "thank_you"
REFERRAL_REQUEST = "referral_request"
REFERRER_UPDATE = "referrer_update"
LINKEDIN_NOTE = "linkedin_note"
CALL_CONFIRMATION = "call_confirmation"
KEEP_IN_TOUCH_NOTE = "keep_in_touch"
