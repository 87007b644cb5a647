@retry-entry @smoke @regression
Feature: Finding the way back to a failed verification
  A user whose identity verification failed opens the personal center, opens identity verification,
  sees that it failed and why, and retries (the guide's phone steps 1–3 and web steps 1–4).

  Scenario Outline: A rejected user reaches the retry form through the personal center
    Given a user whose verification failed because the photo was blurry
    When she logs in
    And she opens identity verification from the personal center
    Then she sees that her verification failed because the photo was blurry, and for nothing else
    And she is offered to retry
    And she has 4 attempts left today
    When she retries
    Then she is asked for her details again

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
