@unclear-photo @regression
Feature: Retrying with a photo that is still unclear
  The guide's second cause: a blurry, glared, covered, cut-off or copied ID photo fails again, for that
  reason and no other, so the user learns what to fix; on an ID card and on a passport alike. Each retry
  uses one of the day's attempts, and the e-mail says the same as the page.

  Scenario Outline: A retry with an unclear photo is rejected again for that reason
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her <document>, her details exactly as on it and a <photo> photo of the front
    And the review has run
    Then she sees that her verification failed because <reasons>, and for nothing else
    And she is offered to retry
    And she has 3 attempts left today
    And she is notified that her verification failed because <reasons>

    @web
    Examples: on the website
      | document | photo           | reasons                                                    |
      | ID card  | blurry          | the photo was blurry and the document could not be read   |
      | ID card  | glared          | the photo had glare                                        |
      | ID card  | covered         | the document was covered                                   |
      | ID card  | cropped         | the document was covered                                   |
      | ID card  | black-and-white | the photo quality was too low                              |
      | passport | glared          | the photo had glare                                        |

    @mobile
    Examples: on the phone app
      | document | photo           | reasons                                                    |
      | ID card  | blurry          | the photo was blurry and the document could not be read   |
      | ID card  | glared          | the photo had glare                                        |
      | ID card  | covered         | the document was covered                                   |
      | ID card  | cropped         | the document was covered                                   |
      | ID card  | black-and-white | the photo quality was too low                              |
      | passport | blurry          | the photo was blurry and the document could not be read   |
