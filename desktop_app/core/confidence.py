"""What a reading's confidence promises, for everything that shows or weighs one.

The intake's confidence is calibrated (resources/intake/calibration.json): at SURE or more a
value was right at least 99 times in 100 on papers the reader was not tuned on; under
SUGGESTION it is a suggestion, shown as such and never as read.
"""

SURE = 0.8
SUGGESTION = 0.5
