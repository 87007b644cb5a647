@unclear-photo @regression
Feature: Retrying with a photo that is still unclear
  The guide's second cause: a blurry, glared, covered or cut-off ID photo fails again, for that
  reason, so the user learns what to fix.

  Scenario Outline: A retry with an unclear photo is rejected again for that reason
    Given a user whose verification failed because the photo was blurry
    When she logs in
    And she opens identity verification from the personal center
    And she retries with her details exactly as on her ID card and a <photo> photo of the front
    And the review has run
    Then she sees that her verification failed because <reason>
    And she is offered to retry

    @web
    Examples: on the website
      | photo   | reason                   |
      | blurry  | the photo was blurry     |
      | glared  | the photo had glare      |
      | covered | the document was covered |
      | cropped | the document was covered |

    @mobile
    Examples: on the phone app
      | photo   | reason                   |
      | blurry  | the photo was blurry     |
      | glared  | the photo had glare      |
      | covered | the document was covered |
      | cropped | the document was covered |
