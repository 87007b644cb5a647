@network @regression
Feature: An upload that fails on an unstable network
  The guide's fourth cause: the network drops while the photos upload. The user is told to check
  her network, loses nothing she typed, and the next try goes through; the failed upload is not an attempt.

  Scenario Outline: A failed upload keeps everything and the next try goes through
    Given a user whose verification failed because the photo was blurry
    And her network will drop during her next upload
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her details exactly as on her ID card and sharp photos
    Then she is told that the upload failed and to check her network
    And nothing she entered is lost
    And no attempt was used
    When she submits again
    Then she is asked to wait for the review, with the time it is expected by

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |

  @client-offline
  Scenario Outline: The device itself loses its network while uploading
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her details exactly as on her ID card and sharp photos, while her device is offline
    Then she is told that the upload failed and to check her network
    And nothing she entered is lost
    And no attempt was used
    When her device is back online and she submits again
    Then she is asked to wait for the review, with the time it is expected by

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
