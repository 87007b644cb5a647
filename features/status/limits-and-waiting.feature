@status @regression
Feature: The attempt limit and a review that takes too long
  Five tries a day are allowed; the sixth is refused and the page says when retry opens again, to the
  minute: still locked a minute before that time, open again at it. A review that takes more than a day
  sends the user to customer support, as the guide advises, and not a minute sooner.

  @attempt-limit
  Scenario Outline: The sixth try in a day is refused until the lock lifts
    Given a user who has already tried 5 times today
    And she is logged in
    When she opens identity verification from the personal center
    Then she has 0 attempts left today
    When she retries with her details exactly as on her ID card and sharp photos
    Then she is told that she tried too many times
    And her verification page says when she can retry
    And she is sent to customer support
    And she has 0 attempts left today
    When she comes back a minute before the lock lifts
    Then she is sent to customer support
    And her verification page says when she can retry
    When she comes back when the lock lifts
    Then she is offered to retry
    And she sees that her verification failed because the photo was blurry, and for nothing else
    And the page no longer says that she tried too many times
    And she has 5 attempts left today

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |

  @pending-too-long
  Scenario Outline: A review pending for more than a day sends the user to customer support
    Given a user whose verification is waiting for a review that is delayed
    When she comes back a minute before a day has passed since she submitted
    Then she sees that her verification is still under review
    And she is not yet sent to customer support
    When she comes back a minute after a day has passed since she submitted
    Then she sees that her verification is still under review
    And she is told to contact customer support about the delay

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
