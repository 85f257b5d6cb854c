"""What citizens send, split by concept: the submission and its history (`submissions`), the
contact details kept apart (`contacts`), and the anonymous "was this page useful?" votes (`votes`)."""

from participation.models.contacts import ContactDetails
from participation.models.submissions import StatusChange, Submission
from participation.models.votes import PageVote

__all__ = ["ContactDetails", "PageVote", "StatusChange", "Submission"]
