@double-submit @regression
Feature: A submission that arrives twice counts once
  The guide's sixth step submits once and waits. A double tap, or a network that sends the upload again
  after losing the answer, must not spend two of the day's five attempts or start two reviews: the
  second copy is answered like the first and recorded nowhere.

  Scenario Outline: The same retry arriving twice at once is one attempt
    Given a user whose verification failed because the photo was blurry
    And the network will send her next submission twice at once
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her details exactly as on her ID card and sharp photos
    Then she is asked to wait for the review, with the time it is expected by
    And both copies of her submission were answered as accepted
    And exactly one attempt was recorded for her retry

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
