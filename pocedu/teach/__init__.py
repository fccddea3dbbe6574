"""Teaching a class: facilitator guides, handouts, slides and the syndicate capstone."""
