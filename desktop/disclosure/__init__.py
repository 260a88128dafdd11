"""What leaves the laptop about a family on the worker's explicit action: the inzage (AVG
art. 15, for the family) and the anonymous consult (for specialists, without names).

The content is built and scrubbed in modules without Qt (gather, scrub, dates, inzage,
consult), so the command line and the tests use exactly what the window saves; document,
saving and dialog put it on paper and on screen.
"""
