@status @regression
Feature: The attempt limit and a review that takes too long
  Five tries a day are allowed; the sixth is refused and the page says when retry opens again.
  A review that takes more than a day sends the user to customer support, as the guide advises.

  @attempt-limit
  Scenario Outline: The sixth try in a day is refused until the next day
    Given a user who has already tried 5 times today
    When she logs in
    And she opens identity verification from the personal center
    And she retries with her details exactly as on her ID card and sharp photos
    Then she is told that she tried too many times
    And her verification page says when she can retry
    And she is sent to customer support
    When she comes back a day later
    Then she is offered to retry

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
    When she comes back a day later
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
