@retry-happy @regression
Feature: Retrying with the right details and sharp photos
  After a failed verification the user fills in her personal information again exactly as on her ID card,
  uploads sharp photos of both sides, checks and submits, and waits for the review (the guide's phone
  steps 3–6 and web steps 4–6). The review then approves her and she is told so.

  @smoke
  Scenario Outline: A user rejected for a blurry photo retries with sharp photos and is approved
    Given a user whose verification failed because the photo was blurry
    When she logs in
    And she opens identity verification from the personal center
    And she retries
    And she enters her details exactly as on her ID card
    And she uploads sharp photos of both sides of her ID card
    And she checks her details and submits them
    Then she is asked to wait for the review, with the time it is expected by
    When the review has run
    Then she sees that her verification is approved
    And she is notified that her verification was approved

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
